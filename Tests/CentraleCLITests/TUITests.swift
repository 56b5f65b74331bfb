import Foundation
import Glibc
import GRDB
import Testing

/// A tmux session running the real binary, read with capture-pane.
final class TmuxSession {
    let name = "centrale-test-\(UUID().uuidString.prefix(8))"

    init(_ command: String, width: Int = 80, height: Int = 24) throws {
        // new-session may start the tmux server. Foundation's Process then misses the client's
        // exit (waitUntilExit never returns), and a pipe given to it would be held open by the
        // server: spawn it directly, with /dev/null for its standard streams, and wait for it.
        let arguments = ["tmux", "new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), "-e", "LANG=C.UTF-8",
                         "-e", "TERM=xterm-256color", command]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let cArguments = arguments.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, "tmux", &actions, nil, cArguments, environ) == 0 else {
            throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "cannot start tmux; install it (apt-get install tmux)"])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    }

    deinit { _ = try? tmux(["kill-session", "-t", name]) }

    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    /// Types text literally.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }

    func screen() throws -> String { try tmux(["capture-pane", "-t", name, "-p"]) }

    func resize(width: Int, height: Int) throws { try tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)]) }

    /// Waits until the screen contains `text` (polling, at most `seconds`), and returns the screen.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = (try? screen()) ?? ""
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("timed out waiting for \"\(text)\"; the screen was:\n\(last)")
        return last
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

@Suite("centrale tui in tmux", .serialized)
struct TUITests {
    @Test("open the day's board, assign a trip, see another process's change, refuse a stale edit, resize, quit")
    func dispatcherSession() throws {
        let work = try Workspace()
        let db = try preparedDatabase(work)
        #expect(try centrale(["request", "add", "--db", db, "--beneficiary", "BANNA1", "--date", "2025-03-03", "--time", "09:00",
                              "--to", "OSP-CAREGGI", "--return", "11:00"]).status == 0)
        let ids = try listJSON(db, "2025-03-03").compactMap { $0["id"] as? Int }
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("centrale").path
        let tui = try TmuxSession("\(binary) tui --db \(db) --date 2025-03-03 --operator giulia")

        try tui.waitFor("2 servizi · 2 in attesa")
        let board = try tui.screen()
        #expect(board.contains("09:00 in attesa") && board.contains("Via di Casa 1"))

        // Assign the first trip with the engine's first candidate.
        try tui.send("Enter")
        try tui.waitFor("ASSOCIAZIONE  PUNTI")
        try tui.send("1")
        try tui.waitFor("Servizio \(ids[0]) assegnato a")
        let queue = try DatabaseQueue(path: db)
        let assigned = try queue.read { try Row.fetchOne($0, sql: "SELECT association, assigned_by FROM assignment WHERE trip = ?", arguments: [ids[0]]) }
        #expect((assigned?[1] as String?) == "giulia")
        let actor = try queue.read { try String.fetchOne($0, sql: "SELECT actor FROM audit_log WHERE entity = 'trip' AND entity_id = ? ORDER BY id DESC", arguments: [String(ids[0])]) }
        #expect(actor == "giulia")

        // A change made by another process appears on the board within a few seconds.
        #expect(try centrale(["dispatch", "--db", db, "--date", "2025-03-03"]).status == 0)
        try tui.waitFor("0 in attesa", seconds: 5)

        // A stale edit: the trip changes while the dispatcher looks at its candidates.
        try tui.send("Down")
        try tui.send("Enter")
        try tui.waitFor("Assegna il servizio \(ids[1])")
        try tui.waitFor("ASSOCIAZIONE  PUNTI")
        #expect(try centrale(["assign", "--db", db, String(ids[1]), "MIS-VAG", "--force", "--reason", "by phone"]).status == 0)
        try tui.send("1")
        try tui.waitFor("cambiato da un'altra postazione nel frattempo")
        let after = try queue.read { try String.fetchOne($0, sql: "SELECT association FROM assignment WHERE trip = ?", arguments: [ids[1]]) }
        #expect(after == "MIS-VAG")

        // The driver phones: the beneficiary was not there.
        try tui.waitFor("MIS-VAG")
        try tui.send("x")
        try tui.waitFor("s/n")
        try tui.send("s")
        try tui.waitFor("segnato come assente")
        let status = try queue.read { try String.fetchOne($0, sql: "SELECT status FROM trip WHERE id = ?", arguments: [ids[1]]) }
        #expect(status == "no_show")

        // A new request through the form: an unknown code is flagged beside the field, then fixed.
        try tui.send("n")
        try tui.waitFor("Nuova richiesta")
        try tui.type("NOBODY")
        try tui.send("Tab")
        try tui.waitFor("✗ codice sconosciuto")
        try tui.send("Up")
        for _ in 0..<6 { try tui.send("BSpace") }
        try tui.type("BANNA1")
        try tui.send("Tab", "Tab")
        try tui.type("14:00")
        try tui.send("Tab", "Tab")
        try tui.type("OSP-TORREGALLI")
        try tui.send("Tab")
        try tui.waitFor("✓ Ospedale San Giovanni di Dio")
        try tui.type("16:30")
        try tui.send("Tab", "Tab", "Tab", "Enter")
        try tui.waitFor("Richiesta registrata: 2 servizi")
        try tui.waitFor("4 servizi · 2 in attesa")
        let added = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT trip.appointment, audit_log.actor FROM trip JOIN audit_log ON audit_log.entity_id = CAST(trip.id AS TEXT) AND audit_log.action = 'trip.create' WHERE trip.date = '2025-03-03' AND trip.appointment >= 840")
        }
        #expect(added.map { $0[0] as Int } == [840, 990])
        #expect(added.allSatisfy { ($0[1] as String) == "giulia" })

        // The associations' load and shares.
        try tui.send("s")
        try tui.waitFor("OGGI / CAPACITÀ")
        try tui.send("Escape")
        try queue.close()

        // A larger terminal is used after a resize; help; quit.
        try tui.resize(width: 200, height: 50)
        try tui.waitFor("giulia")
        try tui.send("?")
        try tui.waitFor("PagSu PagGiù")
        try tui.send("Escape")
        try tui.send("q")
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, (try? tui.screen())?.isEmpty == false { Thread.sleep(forTimeInterval: 0.1) }
    }
}

@Suite("centrale tui: beneficiaries in tmux", .serialized)
struct PeopleTUITests {
    @Test("find the person as you type, register a new one, open the card and suspend with a reason")
    func peopleSession() throws {
        let work = try Workspace()
        let (db, codes) = try peopleDatabase(work)
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("centrale").path
        let tui = try TmuxSession("\(binary) tui --db \(db) --date 2025-03-03 --operator giulia")
        try tui.waitFor("0 servizi")

        // The new-request form finds Bellè as "belle" is typed, with status, needs and authorisation.
        try tui.send("n")
        try tui.waitFor("Nuova richiesta")
        try tui.type("belle")
        try tui.waitFor(codes["Bellè"]!)
        let found = try tui.screen()
        #expect(found.contains("Bellè Niccolò") && found.contains("attivo") && found.contains("carr") && found.contains("dialisi,visita"))
        try tui.send("Tab")
        try tui.waitFor("✓ Scandicci, attivo, carrozzina")
        // Something was written: Esc asks first.
        try tui.send("Escape")
        try tui.waitFor("Lasciare la richiesta?")
        try tui.send("s")

        // A new person from the PUA's first call.
        try tui.send("b")
        try tui.waitFor("Nuovo beneficiario")
        // The referrer and the dates come filled in (PUA, today): replaced where needed.
        for (value, filled) in [("Fioravanti", 0), ("Ortensia", 0), ("FRVRTN30A41D612Q", 0), ("01/01/1930", 0), ("055 1", 0), ("Via Pisana 4", 0),
                                ("Signa", 0), ("", 0), ("2025-02-20", 10), ("visita", 0), ("", 0), ("2025-03-01", 10), ("2025-12-31", 0)] {
            for _ in 0..<filled { try tui.send("BSpace") }
            if !value.isEmpty { try tui.type(value) }
            try tui.send("Enter")
        }
        try tui.waitFor("Registrato B")
        try tui.waitFor("Scheda B")
        let queue = try DatabaseQueue(path: db)
        let registered = try queue.read { try String.fetchOne($0, sql: "SELECT code FROM beneficiary_personal WHERE codice_fiscale = 'FRVRTN30A41D612Q'") }
        let code = try #require(registered)
        try tui.send("q")

        // Its card: a request, then a suspension from the card cancels it.
        #expect(try centrale(["request", "add", "--db", db, "--beneficiary", code, "--date", "2025-03-03", "--time", "10:00", "--to", "OSP-CAREGGI"]).status == 0)
        try tui.waitFor("1 servizio ·", seconds: 5)
        try tui.send("p")
        try tui.waitFor("Scheda \(code)")
        // The card's status is today's: after the authorisation's last day, expired, not "attivo".
        let expected = activeUntil("2025-12-31") == "active" ? "Stato: attivo" : "Stato: autorizz. scaduta il 31/12/2025: rinnovarla"
        // The card's lines come after its title: wait for the status line, not only the title.
        try tui.waitFor(expected, seconds: 5)
        try tui.send("z")
        try tui.type("2025-03-03 2025-03-05 ricovero")
        try tui.send("Enter")
        try tui.waitFor("1 servizio annullato")
        let status = try queue.read { try String.fetchOne($0, sql: "SELECT status FROM trip") }
        #expect(status == "cancelled")
        let actor = try queue.read { try String.fetchOne($0, sql: "SELECT actor FROM audit_log WHERE action = 'beneficiary.suspend'") }
        #expect(actor == "giulia")
        try queue.close()
        try tui.send("q")
        try tui.send("q")
    }
}
