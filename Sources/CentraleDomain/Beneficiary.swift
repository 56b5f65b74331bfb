/// Who referred a beneficiary to the service.
public enum Referral: String, CaseIterable, Sendable, Codable {
    /// The *Punto Unico di Accesso* (single access point of health and social care).
    case pua
    /// The comune's social services (*servizi sociali*).
    case socialServices = "social_services"
    /// A case manager (*infermiere di famiglia*, care coordinator).
    case caseManager = "case_manager"
    /// A hospital ward at discharge (*dimissione ospedaliera*).
    case hospitalDischarge = "hospital_discharge"
    /// The family doctor (*medico di medicina generale*).
    case familyDoctor = "family_doctor"
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
    /// The authorisations, oldest first (a renewal adds one); empty for a record that has
    /// none (then only the activation period limits the service).
    public var authorisations: [Authorisation] = []
    /// Suspensions (a hospital stay…), each a period with its reason.
    public var suspensions: [Suspension] = []

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

    /// Whether the beneficiary may be transported on a date: activated, not closed, not
    /// suspended.
    public func isActive(on date: LocalDate) -> Bool {
        status(on: date) == .active
    }

    /// The status on a date: referred before the activation, closed after the closing day,
    /// suspended within a suspension, else active.
    public func status(on date: LocalDate) -> BeneficiaryStatus {
        if date < activatedOn { return .referred }
        if let closedOn, date > closedOn { return .closed }
        if suspension(on: date) != nil { return .suspended }
        return .active
    }

    /// The suspension covering a date, if any.
    public func suspension(on date: LocalDate) -> Suspension? {
        suspensions.last { $0.from <= date && date <= $0.to }
    }

    /// The authorisation in force on a date (the latest recorded that covers it), if any.
    ///
    /// An authorisation recorded later over an earlier one's period replaces it from its own
    /// first day: a shortened period (`update --valid-until` earlier) ends the service on its
    /// new last day, even though the earlier record ran further. A renewal whose period does
    /// not overlap the earlier one replaces nothing.
    public func authorisation(on date: LocalDate) -> Authorisation? {
        for index in authorisations.indices.reversed() {
            let a = authorisations[index]
            guard a.validFrom <= date && date <= a.validUntil else { continue }
            let replaced = authorisations[(index + 1)...].contains { later in
                later.validFrom <= a.validUntil && a.validFrom <= later.validUntil && later.validFrom <= date
            }
            if !replaced { return a }
        }
        return nil
    }

    /// The latest authorisation recorded.
    public var currentAuthorisation: Authorisation? { authorisations.last }

    /// The status as an operator must read it on a date: `status(on:)`, except that an active
    /// person whom no authorisation covers that day cannot travel either — their authorisation
    /// expired (every one ended before the day) or there is a gap before the next one begins.
    /// A record without authorisations is limited by its activation period only.
    public func effectiveStatus(on date: LocalDate) -> EffectiveStatus {
        let status = status(on: date)
        guard status == .active, !authorisations.isEmpty, authorisation(on: date) == nil else { return EffectiveStatus(status) }
        return authorisations.contains { $0.validFrom > date } ? .notAuthorised : .authorisationExpired
    }

    /// The last day of the latest authorisation, when it ended before `date` and no later one
    /// exists (the authorisation expired).
    public func authorisationExpiry(on date: LocalDate) -> LocalDate? {
        guard effectiveStatus(on: date) == .authorisationExpired else { return nil }
        // The last day actually in force (a shortened authorisation ends on its new day).
        return authorisations.filter { $0.validUntil < date && authorisation(on: $0.validUntil) == $0 }.map(\.validUntil).max()
    }
}

/// A person's status as the operator must read it: the lifecycle status, with an active
/// person whom no authorisation covers shown as such (they cannot be booked that day).
public enum EffectiveStatus: String, CaseIterable, Sendable, Codable {
    case referred
    case active
    case suspended
    case closed
    /// Active, but every authorisation ended before the day: renew it.
    case authorisationExpired = "authorisation_expired"
    /// Active, but the day falls before the next authorisation begins.
    case notAuthorised = "not_authorised"

    /// The lifecycle status as it stands when the authorisations are not looked at.
    public init(_ status: BeneficiaryStatus) {
        switch status {
        case .referred: self = .referred
        case .active: self = .active
        case .suspended: self = .suspended
        case .closed: self = .closed
        }
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
