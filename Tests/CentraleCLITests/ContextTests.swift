import Foundation
import GRDB
import Testing

/// The shared options (`--db`, `--operator`, `--lang`) and the one error path, in-process.
@Suite("the run's context and its errors")
struct ContextTests {
    @Test("--lang, else CENTRALE_LANG, else Italian; a language that is neither is refused, naming where it came from")
    func language() throws {
        let work = try Workspace()
        let db = work.path("lang.sqlite")
        #expect(try centrale(["init", "--db", db]).status == 0)
        let report = ["report", "--db", db, "--month", "2025-03", "--format", "md"]
        #expect(try centrale(report, environment: italianDefault).stdout.hasPrefix("# Accompagnamento sociale"))
        #expect(try centrale(report, environment: ["CENTRALE_LANG": "en"]).stdout.hasPrefix("# Social accompaniment"))
        #expect(try centrale(report + ["--lang", "it"], environment: ["CENTRALE_LANG": "en"]).stdout.hasPrefix("# Accompagnamento sociale"))
        let unknown = try centrale(report, environment: ["CENTRALE_LANG": "fr"])
        #expect(unknown.status == 1 && unknown.stderr == "errore: CENTRALE_LANG vale 'fr', che non è né it né en; impostalo a uno dei due, o indica --lang\n")
        let bad = try centrale(report + ["--lang", "fr"])
        #expect(bad.status == 64 && bad.stderr.hasPrefix("Error: The value 'fr' is invalid for '--lang <it|en>'"), "\(bad.stderr)")
    }

    @Test("--operator is the audit trail's operator before CENTRALE_OPERATOR; log submit names the association unless --operator is given")
    func operatorName() throws {
        let work = try Workspace()
        let day = try dispatchedDay(work)
        #expect(try centrale(["request", "cancel", "--db", day.db, String(day.trips[1]), "--reason", "no longer needed", "--operator", "giulia"],
                             environment: ["CENTRALE_OPERATOR": "marco"]).status == 0)
        let file = work.path("log.csv")
        try "trip,vehicle,driver,km,pickup_time,dropoff_time,outcome\n\(day.trips[0]),\(day.vehicle),V01,14.3,08:30,08:52,done\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try centrale(["log", "submit", "--db", day.db, "--association", day.association, file], environment: ["CENTRALE_OPERATOR": "marco"]).status == 0)
        let actors = try DatabaseQueue(path: day.db).read { db in
            (try String.fetchOne(db, sql: "SELECT actor FROM audit_log WHERE action = 'trip.cancel' ORDER BY id DESC LIMIT 1"),
             try String.fetchOne(db, sql: "SELECT actor FROM audit_log WHERE action = 'log.submission' ORDER BY id DESC LIMIT 1"))
        }
        #expect(actors.0 == "giulia")
        #expect(actors.1 == day.association)
    }

    @Test("a command's error is one line on standard error with status 1, the parser's the usage with status 64, help on standard output")
    func errors() throws {
        let work = try Workspace()
        let missing = try centrale(["trips", "--db", work.path("none.sqlite"), "--association", "MIS-SCA", "--month", "2025-03"])
        #expect(missing.status == 1 && missing.stdout.isEmpty && missing.stderr.hasPrefix("error: no database at "))
        #expect(!FileManager.default.fileExists(atPath: work.path("none.sqlite")))
        let both = try centrale(["trips", "--db", work.path("none.sqlite"), "--association", "MIS-SCA"])
        #expect(both.status == 64 && both.stderr.hasPrefix("Error: give --date or --month (one of them)"))
        let month = try centrale(["log", "flags", "--month", "03/2025"])
        #expect(month.status == 64 && month.stderr.contains("'--month <YYYY-MM>'") && month.stderr.contains("e.g. 2025-03"))
        let help = try centrale(["month", "close", "--help"])
        #expect(help.status == 0 && help.stderr.isEmpty && help.stdout.contains("<YYYY-MM>"))
    }
}
