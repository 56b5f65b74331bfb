import Foundation
import GRDB
import Testing

@Suite("centrale init", .serialized)
struct InitCommandTests {
    @Test("init twice: the second run changes nothing")
    func twice() throws {
        let work = try Workspace()
        let db = work.path("c.sqlite")
        let first = try centrale(["init", "--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("association: 26 added"))
        let before = try dumpDatabase(db)
        let second = try centrale(["init", "--db", db])
        #expect(second.status == 0)
        #expect(second.stdout.contains("nothing changed"))
        #expect(try dumpDatabase(db) == before)
    }

    @Test("the database defaults to CENTRALE_DB, else centrale.sqlite in the working directory")
    func databaseLocation() throws {
        let work = try Workspace()
        #expect(try centraleBinary(["init"], in: work.url).status == 0)
        #expect(FileManager.default.fileExists(atPath: work.path("centrale.sqlite")))
        #expect(try centraleBinary(["init"], environment: ["CENTRALE_DB": work.path("env.sqlite")], in: work.url).status == 0)
        #expect(FileManager.default.fileExists(atPath: work.path("env.sqlite")))
    }

    @Test("a broken convention.toml names file, line and field, and the database stays as it was")
    func brokenConvention() throws {
        let work = try Workspace()
        let db = work.path("c.sqlite")
        #expect(try centrale(["init", "--db", db]).status == 0)
        let before = try dumpDatabase(db)
        let data = try work.copyOfData()
        let file = data.appendingPathComponent("convention.toml")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "max_ride_minutes = 60", with: "max_ride_minutes = \"sixty\"")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let line = text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("max_ride_minutes") }! + 1

        let run = try centrale(["init", "--db", db, "--data", data.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("convention.toml:\(line): service.max_ride_minutes: expected a number (minutes), found a string"), "\(run.stderr)")
        #expect(run.stderr.contains("nothing was written"))
        #expect(try dumpDatabase(db) == before)
    }

    @Test("a decimal comma in convention.toml is a syntax error that says how to write it")
    func decimalComma() throws {
        let work = try Workspace()
        let data = try work.copyOfData()
        let file = data.appendingPathComponent("convention.toml")
        let text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "insurance_per_trip = 2.40", with: "insurance_per_trip = 2,40")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let line = text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("insurance_per_trip") }! + 1
        let run = try centrale(["init", "--db", work.path("c.sqlite"), "--data", data.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("convention.toml:\(line): unexpected ',' after the value; write decimals with a point (1.50, not 1,50)"))
    }

    @Test("a broken registry CSV names file, line and field")
    func brokenCSV() throws {
        let work = try Workspace()
        let db = work.path("c.sqlite")
        let data = try work.copyOfData()
        let file = data.appendingPathComponent("vehicles.csv")
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        let index = lines.firstIndex { $0.hasPrefix("plate,") }! + 2
        lines[index] = lines[index].replacingOccurrences(of: ",true", with: ",perhaps")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)

        let run = try centrale(["init", "--db", db, "--data", data.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("vehicles.csv:\(index + 1): "), "\(run.stderr)")
        #expect(run.stderr.contains("'perhaps' is not true or false"))
        #expect(try dumpDatabase(db).filter { !$0.hasPrefix("grdb_migrations") }.isEmpty)
    }

    @Test("--data with a missing file says which one")
    func missingFile() throws {
        let work = try Workspace()
        let data = try work.copyOfData()
        try FileManager.default.removeItem(at: data.appendingPathComponent("places.csv"))
        let run = try centrale(["init", "--db", work.path("c.sqlite"), "--data", data.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("places.csv:1: file not found"))
    }

    @Test("--data loads another folder in the same format and reports what changed")
    func otherData() throws {
        let work = try Workspace()
        let db = work.path("c.sqlite")
        #expect(try centrale(["init", "--db", db]).status == 0)
        let data = try work.copyOfData()
        let file = data.appendingPathComponent("convention.toml")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "km_rate = 0.66", with: "km_rate = 0.67")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let run = try centrale(["init", "--db", db, "--data", data.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("convention: version 2 (new)"))
    }
}
