#!/usr/bin/env python3
"""Independent check of dial-a-ride solutions written by `centrale plan-bench`.

Usage: tools/darp-check.py INSTANCE_DIR SOLUTION_DIR

For every SOLUTION_DIR/NAME.json it reads INSTANCE_DIR/NAME.txt (Cordeau format) and checks,
with code that shares nothing with Centrale's planner:
  - at most K routes, every request served exactly once, pickup before drop-off on one route;
  - capacity at every stop;
  - that start times exist meeting every time window, ride time L and route duration T: the
    constraints are a system of difference constraints, feasible iff its constraint graph has
    no negative cycle (Bellman-Ford);
  - that "cost" equals the routes' Euclidean length.
Prints one line per solution; exits 1 if any is wrong.
"""
import json
import math
import os
import sys

EPS = 1e-6


def read_instance(path):
    with open(path) as f:
        rows = [line.split() for line in f if line.strip()]
    K, n, T, Q, L = (float(x) for x in rows[0][:5])
    nodes = [[float(x) for x in r[:7]] for r in rows[1:2 * int(n) + 3]]
    return int(K), int(n), T, int(Q), L, nodes


def dist(nodes, a, b):
    return math.hypot(nodes[a][1] - nodes[b][1], nodes[a][2] - nodes[b][2])


def schedule_exists(seq, nodes, n, T, L):
    """Bellman-Ford on the difference constraints of one route; node m is the origin z."""
    m = len(seq)
    edges = []  # (u, v, w): x_v - x_u <= w
    z = m
    for k, node in enumerate(seq):
        edges.append((z, k, nodes[node][6]))    # B_k <= latest
        edges.append((k, z, -nodes[node][5]))   # B_k >= earliest
    for k in range(m - 1):
        a, b = seq[k], seq[k + 1]
        edges.append((k + 1, k, -(nodes[a][3] + dist(nodes, a, b))))  # B_{k+1} >= B_k + s + t
    position = {node: k for k, node in enumerate(seq)}
    for node in seq[1:-1]:
        if 1 <= node <= n:
            p, d = position[node], position[node + n]
            edges.append((p, d, L + nodes[node][3]))  # B_d - (B_p + s_p) <= L
    edges.append((0, m - 1, T))  # B_end - B_start <= T
    value = [0.0] * (m + 1)
    for _ in range(m + 2):
        changed = False
        for u, v, w in edges:
            if value[u] + w < value[v] - EPS:
                value[v] = value[u] + w
                changed = True
        if not changed:
            return True
    return False


def check(instance_path, solution_path):
    K, n, T, Q, L, nodes = read_instance(instance_path)
    with open(solution_path) as f:
        solution = json.load(f)
    routes = solution["routes"]
    problems = []
    if len(routes) > K:
        problems.append(f"{len(routes)} routes for {K} vehicles")
    seen = {}
    total = 0.0
    for r, route in enumerate(routes):
        seq = [0] + route + [2 * n + 1]
        load = 0
        for node in route:
            if not 1 <= node <= 2 * n:
                problems.append(f"route {r}: node {node} is not a pickup or drop-off")
                continue
            if node in seen:
                problems.append(f"node {node} visited twice")
            seen[node] = r
            if node <= n:
                load += int(nodes[node][4])
                if load > Q:
                    problems.append(f"route {r}: capacity exceeded at node {node}")
            else:
                if seen.get(node - n) != r:
                    problems.append(f"route {r}: drop-off {node} without its pickup before it")
                load += int(nodes[node][4])
        total += sum(dist(nodes, seq[k], seq[k + 1]) for k in range(len(seq) - 1))
        if not problems and not schedule_exists(seq, nodes, n, T, L):
            problems.append(f"route {r}: no schedule meets the time windows, ride time and duration")
    missing = [i for i in range(1, 2 * n + 1) if i not in seen]
    if missing:
        problems.append(f"{len(missing)} nodes not visited, e.g. {missing[:5]}")
    if abs(total - float(solution["cost"])) > 1e-3:
        problems.append(f"cost {solution['cost']} but the routes measure {total:.4f}")
    return total, problems


def main():
    instance_dir, solution_dir = sys.argv[1], sys.argv[2]
    failed = 0
    for name in sorted(os.listdir(solution_dir)):
        if not name.endswith(".json"):
            continue
        stem = name[:-5]
        total, problems = check(os.path.join(instance_dir, stem + ".txt"), os.path.join(solution_dir, name))
        if problems:
            failed += 1
            print(f"{stem}: WRONG: " + "; ".join(problems))
        else:
            print(f"{stem}: ok, cost {total:.4f}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
