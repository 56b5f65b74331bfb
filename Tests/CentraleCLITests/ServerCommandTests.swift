import CentraleServer
import Foundation
import GRDB
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// `centrale serve` over real HTTP on 127.0.0.1, and the CLI as its client.
@Suite("centrale serve and the CLI over the network", .serialized)
struct ServerCommandTests {
    /// Two copies of a database with a Monday's two trips assigned by dispatch: one worked on
    /// locally, one through the server; the association, the trip ids, a vehicle of it, and
    /// another association.
    func twoCopies(_ work: Workspace) throws -> (local: String, served: String, association: String, other: String, trips: [Int], plate: String) {
        let day = try DayCommandTests().assignedDay(work)
        let served = work.path("served.sqlite")
        try FileManager.default.copyItem(atPath: day.db, toPath: served)
        let queue = try DatabaseQueue(path: day.db)
        defer { try? queue.close() }
        let other = try #require(try queue.read { db in
            try String.fetchOne(db, sql: "SELECT code FROM association WHERE code <> ? ORDER BY code", arguments: [day.association])
        })
        return (day.db, served, day.association, other, [day.outbound, day.back], day.plate)
    }

    func logActors(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT actor FROM audit_log WHERE action LIKE 'log.%'") }
    }

    func firstPlate(_ path: String, of association: String) throws -> String {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            try String.fetchOne(db, sql: "SELECT plate FROM vehicle WHERE association = ? ORDER BY plate", arguments: [association]) ?? "?"
        }
    }

    func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)"] }

    @Test("trips, log submit and statement print over the server exactly what they print on the database")
    func remoteOutputIsTheLocalOutput() async throws {
        let work = try Workspace()
        let setup = try twoCopies(work)
        let token = try issueToken(setup.served, ["--association", setup.association.lowercased()])
        #expect(token.hasPrefix("ctr_") && token.count == 44)
        let log = work.path("marzo.csv")
        try """
            viaggio;data;targa;autista;km;ora_presa;ora_arrivo;esito
            \(setup.trips[0]);03/03/2025;\(setup.plate);V01;12,4;07:31;07:58;done
            \(setup.trips[1]);03/03/2025;\(setup.plate);V01;12,9;11:50;12:15;done
            """.write(toFile: log, atomically: true, encoding: .utf8)
        let bad = work.path("sbagliato.csv")
        try "trip,vehicle,driver,km,outcome\n\(setup.trips[0]),\(setup.plate),V01,abc,done\n999999,\(setup.plate),V01,3,done\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)

        try await withServer(setup.served) { _, url in
            let remote = ["--server", url, "--token", token]
            let commands: [[String]] = [
                ["trips", "--date", "2025-03-03"], ["trips", "--month", "2025-03", "--format", "csv"], ["trips", "--month", "2025-03", "--lang", "en"],
                ["log", "submit", bad], ["log", "submit", log], ["log", "submit", log],
                ["statement", "--month", "2025-03"], ["statement", "--month", "2025-03", "--format", "csv"],
                ["statement", "--month", "2025-03", "--format", "json", "--lang", "en"],
            ]
            for command in commands {
                let local = try centrale(command + ["--db", setup.local, "--association", setup.association])
                let served = try await centraleOffPool(command + remote)
                // The served database is another copy (its audit chain holds the token): the provisional status line names
                // its own last entry and the minute; the rest is the same.
                #expect(withoutStatus(served.stdout) == withoutStatus(local.stdout), "\(command)")
                #expect(served.stdout.contains("_Provisional: ") == local.stdout.contains("_Provisional: "), "\(command)")
                #expect(served.stderr == local.stderr, "\(command)")
                #expect(served.status == local.status, "\(command)")
            }
            // An amendment from the office, then the statement again: the same on both.
            for command in [["log", "amend", String(setup.trips[1]), "--km", "13,1", "--reason", "contachilometri letto male"],
                            ["log", "amend", String(setup.trips[1]), "--km", "1,234", "--reason", "r"],
                            ["log", "amend", "987654", "--km", "3", "--reason", "r"]] {
                let local = try centrale(command + ["--db", setup.local])
                let served = try await centraleOffPool(command + remote)
                #expect(served.stdout == local.stdout && served.stderr == local.stderr, "\(command): \(served.stderr) / \(local.stderr)")
            }
            let local = try centrale(["statement", "--month", "2025-03", "--db", setup.local, "--association", setup.association], environment: italianDefault)
            let served = try await centraleOffPool(["statement", "--month", "2025-03"] + remote, environment: italianDefault)
            #expect(withoutStatus(served.stdout) == withoutStatus(local.stdout) && local.stdout.contains("13,1"))
            #expect(served.stdout.contains("\n_Provvisorio: il mese non è chiuso e i dati possono cambiare; generato il "), "\(served.stdout)")
        }
        // The same logs, the same statement, and the token's owner is the actor.
        let logs = try dumpDatabase(setup.served).filter { $0.hasPrefix("trip_log") }
        #expect(logs.count == 2)
        let actors = try logActors(setup.served)
        #expect(actors.allSatisfy { $0 == "\(setup.association) (token 1)" } && !actors.isEmpty, "\(actors)")
    }

    @Test("another association's trip is answered exactly as a trip that does not exist")
    func isolation() async throws {
        let work = try Workspace()
        let setup = try twoCopies(work)
        let own = try issueToken(setup.served, ["--association", setup.association])
        let stranger = try issueToken(setup.served, ["--association", setup.other])
        let trip = setup.trips[0]
        let file = work.path("altrui.csv")
        try "trip,vehicle,driver,km,outcome\n\(trip),\(setup.plate),V01,3,done\n".write(toFile: file, atomically: true, encoding: .utf8)
        try await withServer(setup.served) { client, url in
            try await client.execute(uri: "/api/v1/trips/\(trip)", method: .get, headers: bearer(own)) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("\"trip\" : \"\(trip)\""))
            }
            let theirs = try await client.execute(uri: "/api/v1/trips/\(trip)", method: .get, headers: bearer(stranger)) { $0 }
            let missing = try await client.execute(uri: "/api/v1/trips/987654", method: .get, headers: bearer(own)) { $0 }
            #expect(theirs.status == .notFound && missing.status == .notFound)
            #expect(String(buffer: theirs.body).replacingOccurrences(of: String(trip), with: "987654") == String(buffer: missing.body))
            #expect(theirs.headers[.contentType] == missing.headers[.contentType])

            // Lists, confirmations, declines and statements of the other association alike.
            let list = try await client.execute(uri: "/api/v1/trips?month=2025-03&association=\(setup.association)", method: .get,
                                                headers: bearer(stranger)) { $0 }
            let unknown = try await client.execute(uri: "/api/v1/trips?month=2025-03&association=NOPE", method: .get, headers: bearer(stranger)) { $0 }
            #expect(list.status == .notFound && unknown.status == .notFound)
            #expect(String(buffer: list.body).replacingOccurrences(of: setup.association, with: "NOPE") == String(buffer: unknown.body))
            let decline = try await centraleOffPool(["decline", String(trip), "--reason", "no", "--server", url, "--token", stranger])
            let declineMissing = try await centraleOffPool(["decline", "987654", "--reason", "no", "--server", url, "--token", stranger])
            #expect(decline.status == 1 && decline.stderr.replacingOccurrences(of: String(trip), with: "987654") == declineMissing.stderr)
            let confirm = try await centraleOffPool(["confirm", String(trip), "--vehicle", setup.plate, "--driver", "V01", "--server", url, "--token", stranger])
            #expect(confirm.status == 1 && confirm.stderr.contains("no trip '\(trip)'"), "\(confirm.stderr)")
            // Amending another association's log reads as amending a missing trip.
            let amendTheirs = try await centraleOffPool(["log", "amend", String(trip), "--km", "3", "--reason", "r", "--server", url, "--token", stranger])
            let amendMissing = try await centraleOffPool(["log", "amend", "987654", "--km", "3", "--reason", "r", "--server", url, "--token", stranger])
            #expect(amendTheirs.status == 1 && amendTheirs.stderr.replacingOccurrences(of: String(trip), with: "987654") == amendMissing.stderr,
                    "\(amendTheirs.stderr) / \(amendMissing.stderr)")
            // A log of another association's trip reads as an unknown trip too.
            let submit = try await centraleOffPool(["log", "submit", file, "--server", url, "--token", stranger])
            #expect(submit.stderr.contains("no trip \(trip) assigned to \(setup.other)"), "\(submit.stderr)")
            #expect(!submit.stderr.contains(setup.association))
            // Another association's vehicle reads as a plate not in the fleet, as an unknown plate does.
            let foreignPlate = try firstPlate(setup.served, of: setup.other)
            let foreign = try await centraleOffPool(["confirm", String(trip), "--vehicle", foreignPlate, "--driver", "V01", "--server", url, "--token", own])
            let unknownPlate = try await centraleOffPool(["confirm", String(trip), "--vehicle", "ZZ999ZZ", "--driver", "V01", "--server", url, "--token", own])
            #expect(foreign.stderr == "error: '\(foreignPlate)' is not in \(setup.association)'s fleet; give the plate of one of its vehicles\n")
            #expect(foreign.stderr.replacingOccurrences(of: foreignPlate, with: "ZZ999ZZ") == unknownPlate.stderr)
            // Codes with control characters are refused before anything is looked up or audited.
            let control = try await client.execute(uri: "/api/v1/trips/\(trip)/confirmation", method: .post, headers: bearer(own),
                                                   body: ByteBuffer(string: #"{"vehicle": "\#(setup.plate)\u0000\u001b[2J", "driver": "V01"}"#)) { $0 }
            #expect(control.status == .unprocessableContent && String(buffer: control.body).contains("non è un codice"), "\(String(buffer: control.body))")
            // Its own trip can be declined.
            let own = try await centraleOffPool(["decline", String(trip), "--reason", "nessun mezzo", "--server", url, "--token", own])
            #expect(own.status == 0 && own.stdout == "Trip \(trip) declined by \(setup.association): back in the queue; dispatch will not offer it to \(setup.association) again.\n")
        }
    }

    @Test("no token or a bad one is 401, repeated failures 429; each role reaches only its routes")
    func authenticationAndRoles() async throws {
        let work = try Workspace()
        let setup = try twoCopies(work)
        let association = try issueToken(setup.served, ["--association", setup.association])
        let monitoring = try issueToken(setup.served, ["--role", "monitoring", "--owner", "Tavolo di monitoraggio"])
        let revoked = try issueToken(setup.served, ["--association", setup.other])
        #expect(try centrale(["token", "revoke", "3", "--db", setup.served]).status == 0)
        let list = try centrale(["token", "list", "--db", setup.served])
        #expect(list.stdout.contains("revoked") && !list.stdout.contains(association) && list.stdout.contains("Tavolo di monitoraggio"))
        let escape = try centrale(["token", "issue", "--db", setup.served, "--role", "dispatcher", "--owner", "x\u{1B}[31m"])
        #expect(escape.status == 1 && escape.stderr.contains("without control characters") && !escape.stderr.contains("\u{1B}"))
        #expect(try centrale(["token", "issue", "--db", setup.served, "--role", "dispatcher", "--owner", "   "]).status == 1)
        var settings = ServerSettings()
        settings.failureLimit = 3
        try await withServer(setup.served, settings: settings) { client, _ in
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/v1/trips?month=2025-03", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
            }
            try await client.execute(uri: "/api/v1/whoami", method: .get, headers: bearer(revoked)) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/api/v1/reports/2025-03", method: .get, headers: bearer(association)) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/api/v1/trips?month=2025-03&association=\(setup.association)", method: .get, headers: bearer(monitoring)) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/api/v1/reports/2025-03?format=csv&dialect=rfc4180", method: .get, headers: bearer(monitoring)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            }
            try await client.execute(uri: "/api/v1/statements/2025-03?association=\(setup.association)&format=md", method: .get, headers: bearer(monitoring)) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/api/v1/whoami", method: .get, headers: bearer("ctr_guess")) { #expect($0.status == .unauthorized) }
            // Three failures from this address: now even a good token waits.
            try await client.execute(uri: "/api/v1/whoami", method: .get, headers: bearer(association)) { response in
                #expect(response.status == .tooManyRequests)
                #expect(Int(response.headers[.retryAfter] ?? "") != nil)
            }
        }
    }

    @Test("SQL and paths in parameters, malformed JSON, a body over the limit and a slow body are refused")
    func hostileRequests() async throws {
        let work = try Workspace()
        let setup = try twoCopies(work)
        let token = try issueToken(setup.served, ["--association", setup.association])
        let before = try dumpDatabase(setup.served)
        var settings = ServerSettings()
        settings.bodyTimeout = .seconds(1)
        try await withServer(setup.served, settings: settings) { client, _ in
            for uri in ["/api/v1/trips?month=2025-03'%20OR%201=1--", "/api/v1/trips/1%20OR%201=1", "/api/v1/statements/..%2F..%2Fetc%2Fpasswd",
                        "/api/v1/trips?date=2025-03-03&format=../../x", "/api/v1/trips?date=2025-03-03;DROP%20TABLE%20trip"] {
                try await client.execute(uri: uri, method: .get, headers: bearer(token)) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    #expect(String(buffer: response.body).contains("\"error\""))
                }
            }
            try await client.execute(uri: "/api/v1/trips?month=2025-03&association=x'%20OR%20'1'='1", method: .get, headers: bearer(token)) {
                #expect($0.status == .notFound)
            }
            for body in ["{\"vehicle\": ", "[]", "{\"driver\": \"V01\"}", "\u{0}\u{1}"] {
                try await client.execute(uri: "/api/v1/trips/\(setup.trips[0])/confirmation", method: .post, headers: bearer(token),
                                         body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .badRequest, "\(body)")
                }
            }
            let port = client.port!
            // A declared 60 MB body is refused before a byte of it is sent.
            let large = try await rawExchange(port: port, "POST /api/v1/logs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
                                              + "Content-Type: text/csv\r\nContent-Length: 60000000\r\n\r\n")
            #expect(large.hasPrefix("HTTP/1.1 413"), "\(large)")
            // A body that stops arriving is answered 408 once the body timeout has passed.
            let slow = try await rawExchange(port: port, "POST /api/v1/logs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
                                             + "Content-Type: text/csv\r\nContent-Length: 100\r\n\r\ntrip,km\n")
            #expect(slow.hasPrefix("HTTP/1.1 408"), "\(slow)")
        }
        // Nothing was written but the tokens' table, which the dump does not distinguish: compare all else.
        #expect(try dumpDatabase(setup.served).filter { !$0.hasPrefix("audit_log") && !$0.hasPrefix("api_token") }
                == before.filter { !$0.hasPrefix("audit_log") && !$0.hasPrefix("api_token") })
    }

    @Test("every route of the OpenAPI document is answered by the server, and the document is served as committed")
    func everyDocumentedRouteExists() async throws {
        let work = try Workspace()
        let setup = try twoCopies(work)
        let dispatcher = try issueToken(setup.served, ["--role", "dispatcher", "--owner", "Centrale, turno di notte"])
        try await withServer(setup.served) { client, _ in
            for route in CentraleServer.apiRoutes {
                let parts = route.split(separator: " ")
                let path = parts[1].replacingOccurrences(of: "{id}", with: String(setup.trips[0])).replacingOccurrences(of: "{month}", with: "2025-03")
                    + "?association=\(setup.association)&month=2025-03"
                let response = try await client.execute(uri: path, method: parts[0] == "GET" ? .get : parts[0] == "HEAD" ? .head : .post, headers: bearer(dispatcher),
                                                        body: ByteBuffer(string: "{}")) { $0 }
                #expect(!String(buffer: response.body).contains("indirizzo inesistente"), "\(route): \(response.status)")
                #expect(response.status != .internalServerError, "\(route)")
            }
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                #expect(String(buffer: response.body) == CentraleServer.openAPIDocument)
            }
            try await client.execute(uri: "/api/v1/nothing", method: .get, headers: bearer(dispatcher)) { response in
                #expect(response.status == .notFound && String(buffer: response.body).contains("indirizzo inesistente"))
            }
            // In English when the client asks (the CLI sends its language as Accept-Language).
            var english = bearer(dispatcher)
            english[.acceptLanguage] = "en-GB,en;q=0.9"
            try await client.execute(uri: "/api/v1/nothing", method: .get, headers: english) { response in
                #expect(response.status == .notFound && String(buffer: response.body).contains("no such address"))
            }
            try await client.execute(uri: "/api/v1/nothing?lang=en", method: .get, headers: bearer(dispatcher)) { response in
                #expect(String(buffer: response.body).contains("no such address"))
            }
        }
    }

    @Test("a large upload shows its progress on standard error; the rest of the output is the local one")
    func uploadProgress() async throws {
        let work = try Workspace()
        let setup = try twoCopies(work)
        let token = try issueToken(setup.served, ["--association", setup.association])
        // One log, then 1.2 MB of rows emptied by hand (skipped, as a spreadsheet leaves them).
        let file = work.path("grande.csv")
        try ("trip,vehicle,driver,km,pickup_time,dropoff_time,outcome\n\(setup.trips[0]),\(setup.plate),V01,12,07:31,07:58,done\n"
             + String(repeating: ",,,,,,\n", count: 170_000)).write(toFile: file, atomically: true, encoding: .utf8)
        try await withServer(setup.served) { _, url in
            let local = try centrale(["log", "submit", file, "--db", setup.local, "--association", setup.association])
            let served = try await centraleOffPool(["log", "submit", file, "--server", url, "--token", token])
            #expect(served.status == 0 && served.stdout == local.stdout, "\(served.stderr)")
            let progress = served.stderr.split(separator: "\n")
            #expect(progress.count >= 3 && progress.allSatisfy { $0.hasPrefix("sending: ") }, "\(served.stderr)")
            #expect(progress.last == "sending: 100% (1.2 of 1.2 MB)")
        }
    }

    @Test("the server and the CLI work on one database at once: no error, no 'database is locked', nothing lost")
    func oneDatabaseForEveryone() async throws {
        let work = try Workspace()
        let setup = try twoCopies(work)
        let token = try issueToken(setup.served, ["--association", setup.association])
        let log = work.path("marzo.csv")
        try "trip,vehicle,driver,km,pickup_time,dropoff_time,outcome\n\(setup.trips[0]),\(setup.plate),V01,12,07:31,07:58,done\n\(setup.trips[1]),\(setup.plate),V01,13,11:50,12:15,done\n"
            .write(toFile: log, atomically: true, encoding: .utf8)
        let db = setup.served
        try await withServer(db) { client, url in
            let results = try await withThrowingTaskGroup(of: String?.self) { group in
                // The dispatcher, at the centre's CLI: requests and dispatch on other days, with a store of its own.
                group.addTask {
                    for day in 4...8 {
                        let date = "2025-03-0\(day)"
                        let add = try await centraleOffPool(["request", "add", "--db", db, "--beneficiary", "BANNA1", "--date", date, "--time", "08:00",
                                                             "--to", "DIA-CAREGGI", "--return", "12:00", "--purpose", "dialysis"])
                        if add.status != 0 { return "request add \(date): \(add.stderr)" }
                        let dispatch = try await centraleOffPool(["dispatch", "--db", db, "--date", date])
                        if dispatch.status != 0 { return "dispatch \(date): \(dispatch.stderr)" }
                    }
                    return nil
                }
                // The association, through the server.
                group.addTask {
                    let submit = try await centraleOffPool(["log", "submit", log, "--server", url, "--token", token])
                    return submit.status == 0 ? nil : "log submit: \(submit.stderr)"
                }
                // Readers.
                for _ in 0..<20 {
                    group.addTask {
                        for _ in 0..<5 {
                            let status = try await client.execute(uri: "/api/v1/trips?month=2025-03", method: .get, headers: bearer(token)) { $0.status }
                            if status != .ok { return "read: \(status)" }
                        }
                        return nil
                    }
                }
                var failures: [String] = []
                for try await result in group { if let result { failures.append(result) } }
                return failures
            }
            #expect(results.isEmpty, "\(results)")
        }
        let tables = try dumpDatabase(db)
        #expect(tables.filter { $0.hasPrefix("trip_log") }.count == 2)
        #expect(tables.filter { $0.hasPrefix("assignment") }.count == 12, "the two trips and the ten of the five days")
    }

    @Test("the CLI says clearly when the server cannot be reached or refuses the token")
    func clientErrors() async throws {
        let unreachable = try centrale(["trips", "--month", "2025-03", "--server", "http://127.0.0.1:9", "--token", "ctr_x"])
        #expect(unreachable.status == 1)
        #expect(unreachable.stderr.hasPrefix("error: cannot reach the server at http://127.0.0.1:9"))
        #expect(try centrale(["trips", "--month", "2025-03", "--server", "ftp://x"]).stderr.contains("is not an http:// or https:// address"))
        #expect(try centrale(["trips", "--month", "2025-03", "--server", "http://127.0.0.1:9"]).stderr
                    .contains("give --token TOKEN or set CENTRALE_TOKEN"))
        let work = try Workspace()
        let setup = try twoCopies(work)
        try await withServer(setup.served) { _, url in
            let refused = try await centraleOffPool(["statement", "--month", "2025-03"], environment: ["CENTRALE_SERVER": url, "CENTRALE_TOKEN": "ctr_nope"])
            #expect(refused.status == 1)
            #expect(refused.stderr == "error: the server at \(url) refused the token: the token is not valid (unknown, expired or revoked); ask the centre for a new one (check --token or CENTRALE_TOKEN)\n")
        }
    }
}

/// A statement without its provisional status line (which names the minute and the database's last audit entry).
private func withoutStatus(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !$0.hasPrefix("_Provisional: ") && !$0.hasPrefix("_Provvisorio: ") }.joined(separator: "\n")
}
