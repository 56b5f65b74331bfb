import Foundation

/// The README's usage examples (the `sh` block under "## Using it") as argument lists, in order,
/// taken as a reader would type them: the first of `a|b|c`, each optional `[…]` part given
/// unless it holds a value of the reader's (`TRIP`, `FILE`, `…`). Lines that need such a value,
/// another zone's files or another program (`demo`, `tui`, `plan-bench`, the tools) are left
/// out. Paths into `centrale-demo/` and the files written with `--out` are put in `folder`.
func readmeExamples(folder: String) throws -> [[String]] {
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    guard let section = text.range(of: "## Using it"),
          let open = text.range(of: "```sh\n", range: section.upperBound..<text.endIndex),
          let close = text.range(of: "\n```", range: open.upperBound..<text.endIndex) else { return [] }
    let placeholders = ["TRIP", "ASSOCIATION", "FILE", "…"]
    var examples: [[String]] = []
    for var line in text[open.upperBound..<close.lowerBound].replacingOccurrences(of: "\\\n", with: " ").split(separator: "\n").map(String.init) {
        guard line.hasPrefix("centrale ") else { continue }
        if let comment = line.range(of: " #") { line = String(line[..<comment.lowerBound]) }
        // Optional parts, innermost first: given, unless they hold a placeholder outside quotes.
        while let group = line.range(of: #"\[[^\[\]]*\]"#, options: .regularExpression) {
            let inner = String(line[group].dropFirst().dropLast())
            let unquoted = inner.split(separator: "\"", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined()
            line.replaceSubrange(group, with: placeholders.contains { unquoted.contains($0) } ? "" : inner)
        }
        var arguments: [String] = []
        var skip = false
        for (token, quoted) in shellWords(line).dropFirst() {
            if quoted { arguments.append(token); continue }
            if placeholders.contains(where: { token.contains($0) }) || token.contains("path/to/") { skip = true }
            var word = token.split(separator: "|", omittingEmptySubsequences: false).first.map(String.init) ?? token
            if word.hasPrefix("centrale-demo/") || word.range(of: #"^[a-z0-9-]+\.(json|html)$"#, options: .regularExpression) != nil {
                word = "\(folder)/\(word)"
            }
            arguments.append(word)
        }
        if skip || ["demo", "tui", "plan-bench"].contains(arguments.first ?? "") { continue }
        examples.append(arguments)
    }
    return examples
}

/// The words of a command line as a shell splits them (double quotes only), each with whether it was quoted.
private func shellWords(_ line: String) -> [(String, Bool)] {
    var words: [(String, Bool)] = []
    var current = "", quoted = false, inQuotes = false, started = false
    for character in line {
        if character == "\"" { inQuotes.toggle(); quoted = true; started = true; continue }
        if character == " " && !inQuotes {
            if started { words.append((current, quoted)) }
            current = ""; quoted = false; started = false
            continue
        }
        current.append(character); started = true
    }
    if started { words.append((current, quoted)) }
    return words
}
