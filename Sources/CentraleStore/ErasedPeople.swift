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
    static func wasErased(_ db: Database, codiceFiscale: String) throws -> Bool {
        guard let key = try erasureKey(db, create: false) else { return false }
        return try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM erased_person WHERE fingerprint = ?"),
                                 arguments: [erasureFingerprint(codiceFiscale, key: key)]) == true
    }
}
