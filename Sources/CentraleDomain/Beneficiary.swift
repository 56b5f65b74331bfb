/// Who referred a beneficiary to the service.
public enum Referral: String, CaseIterable, Sendable, Codable {
    /// The *Punto Unico di Accesso* (single access point of health and social care).
    case pua
    /// The comune's social services (*servizi sociali*).
    case socialServices = "social_services"
    /// A case manager (*infermiere di famiglia*, care coordinator).
    case caseManager = "case_manager"
}

/// A person entitled to the service (*beneficiario*), known everywhere by a pseudonymous code.
///
/// This type holds no personal data: name, phone and home address live in
/// `BeneficiaryPersonalData`, stored apart, so that reports, logs and statements never
/// need them.
public struct Beneficiary: Hashable, Sendable, Codable, Identifiable {
    /// The pseudonymous code, e.g. `B7K3QX`.
    public var code: String
    /// ISTAT code of the comune of residence.
    public var comune: String
    /// What they need when travelling.
    public var needs: Needs
    /// The first day they may be transported.
    public var activatedOn: LocalDate
    /// The last day they may be transported, if the activation is closed.
    public var closedOn: LocalDate?
    /// Who referred them.
    public var referredBy: Referral

    /// The identity of a beneficiary is the code.
    public var id: String { code }

    /// Creates a beneficiary.
    public init(code: String, comune: String, needs: Needs, activatedOn: LocalDate,
                closedOn: LocalDate? = nil, referredBy: Referral) {
        self.code = code
        self.comune = comune
        self.needs = needs
        self.activatedOn = activatedOn
        self.closedOn = closedOn
        self.referredBy = referredBy
    }

    /// Whether the beneficiary may be transported on a date.
    public func isActive(on date: LocalDate) -> Bool {
        date >= activatedOn && (closedOn.map { date <= $0 } ?? true)
    }
}

/// The personal data of a beneficiary, kept apart from everything else.
///
/// Only the people who need it see it: the operations centre, and the driver who needs the
/// pickup address. Reports and statements never read it.
public struct BeneficiaryPersonalData: Hashable, Sendable, Codable {
    /// The beneficiary's pseudonymous code.
    public var code: String
    /// Full name.
    public var name: String
    /// Phone number.
    public var phone: String
    /// Home address, as a driver would read it.
    public var address: String
    /// Where home is.
    public var home: Coordinate

    /// Creates a personal-data record.
    public init(code: String, name: String, phone: String, address: String, home: Coordinate) {
        self.code = code
        self.name = name
        self.phone = phone
        self.address = address
        self.home = home
    }
}
