import CentraleDomain
import CentraleFormats
import GRDB

/// Erased people are remembered only by a keyed fingerprint of their codice fiscale, so that
/// a PUA list imported again does not silently register them anew.
extension Store {
    /// The codice fiscale as it identifies a person: upper case, without spaces, the first 15
    /// characters with the omocodia letters read as the digits they stand for (the check
    /// character follows from them).
    static func normalisedCodiceFiscale(_ code: String) -> String {
        let chars = Array(code.uppercased().filter { !$0.isWhitespace }.prefix(15))
        let omocodia = Array("LMNPQRSTUV")
        return String(chars.enumerated().map { index, char in
            // The positions of the year, the day and the comune's number.
            guard [6, 7, 9, 10, 12, 13, 14].contains(index), let digit = omocodia.firstIndex(of: char) else { return char }
            return Character(String(digit))
        })
    }

    /// The key of the fingerprints: random, made at the first erasure and kept in `meta`.
    static func erasureKey(_ db: Database, create: Bool) throws -> [UInt8]? {
        if let hex = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'erasure_salt'") {
            let digits = Array(hex.utf8)
            return stride(from: 0, to: digits.count - 1, by: 2).compactMap { UInt8(String(decoding: digits[$0...($0 + 1)], as: UTF8.self), radix: 16) }
        }
        guard create else { return nil }
        var generator = SystemRandomNumberGenerator()
        let key = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let hex = key.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('erasure_salt', ?)", arguments: [hex])
        return key
    }

    /// The fingerprint of a codice fiscale under `key`.
    static func erasureFingerprint(_ codiceFiscale: String, key: [UInt8]) -> String {
        SHA256.hmacHex(key: key, message: Array(normalisedCodiceFiscale(codiceFiscale).utf8))
    }

    /// Remembers that the person with this codice fiscale was erased.
    static func rememberErased(_ db: Database, codiceFiscale: String) throws {
        guard let key = try erasureKey(db, create: true) else { return }
        try db.execute(sql: "INSERT OR IGNORE INTO erased_person(fingerprint) VALUES (?)", arguments: [erasureFingerprint(codiceFiscale, key: key)])
    }

    /// Whether a person with this codice fiscale was erased from this database.
    static func wasErased(_ db: Database, codiceFiscale: String, key: [UInt8]) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM erased_person WHERE fingerprint = ?"),
                                 arguments: [erasureFingerprint(codiceFiscale, key: key)]) == true
    }
}

/// Free text about a person (a reason, a note) must not name them: the audit trail keeps it
/// for good, chained, and an erasure could not take it out.
extension Store {
    /// Refuses texts that name the person with `code`: their surname (or their caregiver's
    /// name) as whole words, their codice fiscale, a phone number of theirs. Case, accents
    /// and the spaces in a number are ignored. Nothing to check once the record is erased.
    static func refuseNamingPerson(_ db: Database, code: String, _ texts: [(what: FreeText, text: String?)]) throws {
        guard let person = try personalRecord(db, code) else { return }
        let words: (String) -> [String] = { TextFolding.fold($0).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init) }
        let names = [person.surname, person.caregiver].map(words).filter { !$0.isEmpty && $0.joined().count >= 3 }
        let numbers = (person.phones + [person.caregiverPhone]).map(PersonalRecord.digits).filter { $0.count >= 6 }
        for case let (what, text?) in texts where !text.isEmpty {
            let tokens = words(text)
            let namesPerson = names.contains { name in
                tokens.count >= name.count && (0...(tokens.count - name.count)).contains { Array(tokens[$0..<($0 + name.count)]) == name }
            }
            let digits = String(text.filter { !" .-/".contains($0) }.filter(\.isNumber))
            let compact = text.uppercased().filter { !$0.isWhitespace }
            if namesPerson || compact.contains(person.codiceFiscale) || numbers.contains(where: { digits.contains($0) }) {
                throw StoreError.refused(.beneficiary(.namesPerson(what, code: code)))
            }
        }
    }

    /// Blanks the free text kept about an erased person outside the audit trail: the reasons
    /// of their status history, of their trips cancelled or missed, and their trip logs' notes.
    /// Codes, dates, km and money stay, so no figure changes.
    static func blankFreeText(_ db: Database, code: String) throws {
        try db.execute(sql: "UPDATE beneficiary_status SET reason = '(testo cancellato)' WHERE code = ? AND reason <> ''", arguments: [code])
        try db.execute(sql: """
            UPDATE trip SET status_reason = '(motivo cancellato)' WHERE beneficiary = ? AND status IN ('cancelled', 'no_show') AND status_reason IS NOT NULL
            """, arguments: [code])
        try db.execute(sql: "UPDATE trip_log SET notes = '' WHERE notes <> '' AND trip IN (SELECT id FROM trip WHERE beneficiary = ?)", arguments: [code])
    }
}
