/// What stops a volunteer from driving a trip: a credential (licence, age, insurance,
/// qualifications) or, for a confirmation, the volunteer's availability. One case per problem
/// with its values, written in each language by an exhaustive `switch` (the catalogue's
/// `Message` protocol lives in CentraleFormats, which the domain does not see: the modules that
/// show these problems wrap them, e.g. `LogProblem.credentials`).
public enum CredentialProblem: Hashable, Sendable {
    /// The volunteer has no driving licence recorded.
    case noLicence(driver: String)
    /// The licence's category does not allow driving a car (`VolunteerRules.drivingCategories`).
    case licenceCategory(driver: String, category: String)
    /// The licence expired before the trip's day.
    case licenceExpired(driver: String, on: LocalDate)
    /// The licence's expiry is not recorded.
    case noLicenceExpiry(driver: String)
    /// The volunteer is younger than `minimumAge` in the trip's year.
    case underAge(driver: String, minimumAge: Int, birthYear: Int)
    /// The insurance (art. 18 CTS) ended before the trip's day.
    case insuranceEnded(driver: String, policy: String, on: LocalDate)
    /// No insurance (art. 18 CTS) is recorded.
    case noInsurance(driver: String)
    /// The volunteer is not trained for `missing`, of the trip's `needs`.
    case notQualified(driver: String, missing: Needs, needs: Needs)
    /// The volunteer is away on the trip's day.
    case absent(driver: String, from: LocalDate, to: LocalDate, reason: String)
    /// No shift of the volunteer covers the trip's time window.
    case noShift(driver: String, from: LocalTime, to: LocalTime, on: LocalDate, shifts: ShiftPattern)

    /// The problem in Italian: dates `dd/mm/yyyy`, needs and weekdays by their Italian names.
    public var italian: String {
        switch self {
        case .noLicence(let driver): "per l'autista \(driver) non è registrata alcuna patente di guida"
        case let .licenceCategory(driver, category):
            "la patente di categoria \(category) dell'autista \(driver) non abilita alla guida di un'auto"
        case let .licenceExpired(driver, date): "la patente dell'autista \(driver) è scaduta il \(date.italianText)"
        case .noLicenceExpiry(let driver): "per l'autista \(driver) non è registrata la scadenza della patente"
        case let .underAge(driver, minimumAge, birthYear): "l'autista \(driver) ha meno di \(minimumAge) anni (anno di nascita \(birthYear))"
        case let .insuranceEnded(driver, policy, date):
            "l'assicurazione dell'autista \(driver) (art. 18 CTS, polizza \(policy)) è scaduta il \(date.italianText)"
        case .noInsurance(let driver): "per l'autista \(driver) non è registrata l'assicurazione (art. 18 CTS)"
        case let .notQualified(driver, missing, needs):
            "l'autista \(driver) non è abilitato per \(Self.italianNeeds(missing)) (il servizio richiede \(Self.italianNeeds(needs)))"
        case let .absent(driver, from, to, reason):
            (from == to ? "l'autista \(driver) è assente il \(from.italianText)"
                        : "l'autista \(driver) è assente dal \(from.italianText) al \(to.italianText)")
                + (reason.isEmpty ? "" : " (\(reason))")
        case let .noShift(driver, from, to, date, shifts):
            "l'autista \(driver) non ha un turno che copra \(from)-\(to) il \(date.italianText) (turni: \(shifts.italianText))"
        }
    }

    /// The problem in English: ISO dates, needs and weekdays by their codes.
    public var english: String {
        switch self {
        case .noLicence(let driver): "driver \(driver) has no driving licence recorded"
        case let .licenceCategory(driver, category): "driver \(driver)'s licence category \(category) does not allow driving a car"
        case let .licenceExpired(driver, date): "driver \(driver)'s licence expired on \(date)"
        case .noLicenceExpiry(let driver): "driver \(driver) has no licence expiry recorded"
        case let .underAge(driver, minimumAge, birthYear): "driver \(driver) is under \(minimumAge) (born \(birthYear))"
        case let .insuranceEnded(driver, policy, date): "driver \(driver)'s insurance (art. 18 CTS, policy \(policy)) ended on \(date)"
        case .noInsurance(let driver): "driver \(driver) has no insurance (art. 18 CTS) recorded"
        case let .notQualified(driver, missing, needs): "driver \(driver) is not qualified for \(missing) (the trip needs \(needs))"
        case let .absent(driver, from, to, reason):
            "driver \(driver) is absent from \(from) to \(to)" + (reason.isEmpty ? "" : " (\(reason))")
        case let .noShift(driver, from, to, date, shifts):
            "driver \(driver) has no shift covering \(from)-\(to) on \(date) (shifts: \(shifts))"
        }
    }

    /// The needs by their Italian names as Italian lists them (`carrozzina e accompagnatore`), or `nessuno`.
    static func italianNeeds(_ needs: Needs) -> String {
        let names = needs.italianNames
        guard let last = names.last else { return "nessuno" }
        return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " e " + last
    }
}
