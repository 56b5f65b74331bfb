import CentraleDomain
import CentraleIntake
import CentraleRegistry
import CentraleStore
import Foundation

/// A PUA list of `count` invented people (Italian headers, `;`, dd/mm/yyyy), seeded.
func puaListText(count: Int, registry: Registry, seed: UInt64) -> String {
    var rng = SeededRandom(seed: seed)
    let given = ["Anna", "Giuseppe", "Maria", "Niccolò", "Rosa", "Antonio", "Lucia", "Sergio", "Piera", "Renzo", "Graziella", "Elio"]
    let family = ["Rossi", "Bellè", "Bartolini", "Innocenti", "Cecchi", "Mugnai", "Fantini", "Bini", "Paoli", "Lotti", "Nesi", "Gori"]
    let comuni = registry.zoneComuni
    var seen: Set<String> = []
    var rows = ["Cognome;Nome;Codice fiscale;Data di nascita;Telefono;Indirizzo;Comune;Segnalato da;Referente;Data segnalazione;"
                + "Riferimento PAI;Bisogni;Motivi;Valido dal;Valido al"]
    for index in 0..<count {
        let name = given[Int(rng.next() % UInt64(given.count))], surname = family[Int(rng.next() % UInt64(family.count))]
            + (index % 3 == 0 ? "" : String(UnicodeScalar(UInt8(65 + index % 26))))
        var birth = LocalDate(year: 1925 + Int(rng.next() % 45), month: 1 + Int(rng.next() % 12), day: 1 + Int(rng.next() % 28))!
        var cf = CodiceFiscale.make(surname: surname, name: name, birthDate: birth, female: name.hasSuffix("a"))
        while !seen.insert(cf).inserted {
            birth = birth.adding(days: 1)
            cf = CodiceFiscale.make(surname: surname, name: name, birthDate: birth, female: name.hasSuffix("a"))
        }
        let comune = comuni[Int(rng.next() % UInt64(comuni.count))]
        rows.append("\(surname);\(name);\(cf);\(String(birth.day + 100).suffix(2))/\(String(birth.month + 100).suffix(2))/\(birth.year);"
                    + "3\(100_000_000 + index);Via Roma \(1 + index % 200);\(comune.name);PUA;;10/01/2025;PAI-\(index);"
                    + "\(index % 4 == 0 ? "carrozzina" : "");dialisi|visita;01/02/2025;31/12/2025")
    }
    return rows.joined(separator: "\r\n") + "\r\n"
}

/// Times `beneficiary import` of 10,000 rows on a fresh database, and `beneficiary find`
/// among 100,000 people (targets: under 2 s and under 50 ms).
func benchBeneficiaries(registry: Registry, seed: UInt64) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("centrale-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let names = Dictionary(registry.comuni.map { ($0.istatCode, $0.name) }, uniquingKeysWith: { a, _ in a })
    let reader = BeneficiaryImport(comuni: registry.comuni, today: LocalDate("2025-11-20")!)
    let actor = Actor("bench", reason: "bench")

    print("Beneficiaries: import of a PUA list (read, check, store with audit entries), fresh database")
    for count in [1_000, 10_000] {
        let store = try Store(path: folder.appendingPathComponent("import-\(count).sqlite").path)
        _ = try store.load(registry, actor: actor)
        let data = Data(puaListText(count: count, registry: registry, seed: seed).utf8)
        let started = DispatchTime.now().uptimeNanoseconds
        let rows = try reader.read(data, fileName: "pua.csv")
        let parsed = DispatchTime.now().uptimeNanoseconds
        let outcome = try store.importBeneficiaries(rows.map(\.entry), comuneNames: names, actor: actor)
        let stored = DispatchTime.now().uptimeNanoseconds
        let again = try store.importBeneficiaries(rows.map(\.entry), comuneNames: names, actor: actor)
        let reimported = DispatchTime.now().uptimeNanoseconds
        print(String(format: "  %6d rows: %.2f s (read and check %.2f s, store %.2f s; %d new); again, unchanged: %.2f s (%d unchanged)",
                     count, Double(stored - started) / 1e9, Double(parsed - started) / 1e9, Double(stored - parsed) / 1e9, outcome.added.count,
                     Double(reimported - stored) / 1e9, again.unchanged.count))
    }

    let store = try Store(path: folder.appendingPathComponent("find.sqlite").path)
    _ = try store.load(registry, actor: actor)
    let rows = try reader.read(Data(puaListText(count: 100_000, registry: registry, seed: seed &+ 1).utf8), fileName: "pua.csv")
    try store.importBeneficiaries(rows.map(\.entry), comuneNames: names, actor: actor)
    let day = LocalDate("2025-03-01")!
    print("Beneficiaries: find among \(rows.count) people (case and accents ignored, at most 50 shown)")
    print("  query          median ms   max ms   found")
    for query in ["belle", "NICCOLO", "rossi", "bllncl", "3100012", "zzz"] {
        var times: [Double] = []
        var found = 0
        for _ in 0..<9 {
            times.append(seconds { found = (try? store.findBeneficiaries(query, on: day).count) ?? -1 } * 1000)
        }
        print("  " + query.padding(toLength: 12, withPad: " ", startingAt: 0) + String(format: " %10.1f %8.1f %7d", median(times), times.max()!, found))
    }
}
