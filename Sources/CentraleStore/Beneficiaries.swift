import CentraleDomain
import GRDB

extension Store {
    /// Adds beneficiaries with their personal data, in one transaction.
    ///
    /// The audit entry records the pseudonymous code and the service data only, never the
    /// personal data. A code already present is refused and nothing is written.
    public func addBeneficiaries(_ people: [(Beneficiary, BeneficiaryPersonalData)], actor: Actor) throws {
        let at = timestamp()
        try pool.write { db in
            for (person, personal) in people {
                precondition(person.code == personal.code, "personal data must belong to the same beneficiary")
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM beneficiary WHERE code = ?", arguments: [person.code]) == true {
                    throw StoreError.refused(.beneficiary(.exists(person.code)))
                }
                try db.cachedStatement(sql: """
                    INSERT INTO beneficiary(code, comune, needs, activated_on, closed_on, referred_by) VALUES (?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [person.code, person.comune, person.needs.rawValue, person.activatedOn.description,
                                             person.closedOn?.description, person.referredBy.rawValue])
                try db.cachedStatement(sql: """
                    INSERT INTO beneficiary_personal(code, name, phone, address, home_lat, home_lon, search_key) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [personal.code, personal.name, personal.phone, personal.address,
                                             personal.home.latitude, personal.home.longitude, Self.legacySearchKey(personal.name, personal.phone)])
                var details: [String: AuditValue] = [
                    "comune": .text(person.comune), "needs": .text(person.needs.description),
                    "activated_on": .text(person.activatedOn.description), "referred_by": .text(person.referredBy.rawValue),
                ]
                if let closed = person.closedOn { details["closed_on"] = .text(closed.description) }
                try audit(db, actor, action: "beneficiary.create", entity: "beneficiary", id: person.code, details: details, at: at)
            }
        }
    }

    /// What `find` searches for a record with only a full name and a phone.
    static func legacySearchKey(_ name: String, _ phone: String) -> String {
        [name, phone, PersonalRecord.digits(phone)].map(TextFolding.fold).joined(separator: "|")
    }

    /// The beneficiary with `code`, without personal data.
    public func beneficiary(_ code: String) throws -> Beneficiary? {
        try pool.read { db in try Self.beneficiary(db, code) }
    }

    /// Every beneficiary, by code, without personal data.
    public func beneficiaries() throws -> [Beneficiary] {
        try pool.read(Self.allBeneficiaries)
    }

    /// Every beneficiary with their authorisations and suspensions, by code.
    static func allBeneficiaries(_ db: Database) throws -> [Beneficiary] {
        do {
            var authorisations: [String: [Authorisation]] = [:], suspensions: [String: [Suspension]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM beneficiary_authorisation ORDER BY id") {
                authorisations[row["code"], default: []].append(try Authorisation(row: row))
            }
            for r in try Row.fetchAll(db, sql: "SELECT code, from_date, to_date, reason FROM beneficiary_status WHERE status = 'suspended' ORDER BY id") {
                suspensions[r[0], default: []].append(Suspension(from: try r.decode(LocalDate.self, atIndex: 1), to: try r.decode(LocalDate.self, atIndex: 2), reason: r[3]))
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM beneficiary ORDER BY code").map { row in
                var person = try Beneficiary(row: row)
                person.authorisations = authorisations[person.code] ?? []
                person.suspensions = suspensions[person.code] ?? []
                return person
            }
        }
    }
}

extension Beneficiary {
    /// Decodes a `beneficiary` row; a stored value that is not valid throws.
    init(row: Row) throws {
        self.init(code: try row.decode(forColumn: "code"), comune: try row.decode(forColumn: "comune"), needs: try row.decode(forColumn: "needs"),
                  activatedOn: try row.decode(forColumn: "activated_on"), closedOn: try row.decode(forColumn: "closed_on"),
                  referredBy: try row.decode(forColumn: "referred_by"))
    }
}
