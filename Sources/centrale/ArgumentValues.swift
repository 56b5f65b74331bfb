import ArgumentParser
import CentraleDomain

/// Months and dates as option values: `2025-03`; `2025-03-03` or `03/03/2025`. A bad value is
/// refused naming the option and its form (see `monthHelp`).
extension YearMonth: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension LocalDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension LocalTime: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

// The values the program shows by their Italian names are accepted by their code or their
// Italian name, in any case, accents ignored, with spaces or underscores, in either language
// (`init(italianOrCode:)`, next to the names in ItalianNames.swift). The help's `(valori: …)`,
// its default and the parser's list of allowed values name them as the run's language does: the
// Italian names in an Italian run, the codes in an English one. (No value descriptions: they
// would turn the help's list of values into a table.)

/// A purpose: `dialysis`, `dialisi`, `Centro diurno`.
extension TripPurpose: ExpressibleByArgument {
    public init?(argument: String) { self.init(italianOrCode: argument) }
    public static var allValueStrings: [String] { allCases.map(\.argumentName) }
    public static var allValueDescriptions: [String: String] { [:] }
    public var defaultValueDescription: String { argumentName }
    /// How the help and the parser's errors name it.
    var argumentName: String { localized(it: italianName, en: rawValue) }
}

/// Why a service is closed: `moved`, `trasferito`, `non più avente diritto`.
extension ClosingReason: ExpressibleByArgument {
    public init?(argument: String) { self.init(italianOrCode: argument) }
    public static var allValueStrings: [String] { allCases.map(\.argumentName) }
    public static var allValueDescriptions: [String: String] { [:] }
    public var defaultValueDescription: String { argumentName }
    /// How the help and the parser's errors name it.
    var argumentName: String { localized(it: italianName, en: rawValue) }
}

/// A person's status on a day: `active`, `attivo`, `scaduto` (the authorisation).
extension EffectiveStatus: ExpressibleByArgument {
    public init?(argument: String) { self.init(italianOrCode: argument) }
    public static var allValueStrings: [String] { allCases.map(\.argumentName) }
    public static var allValueDescriptions: [String: String] { [:] }
    public var defaultValueDescription: String { argumentName }
    /// How the help and the parser's errors name it.
    var argumentName: String { localized(it: italianName, en: rawValue) }
}

/// A trip log's outcome, with the words a log file may use for it: `no_show`, `assente`, `annullato tardi`.
extension TripOutcome: ExpressibleByArgument {
    public init?(argument: String) { self.init(italianOrCode: argument) }
    public static var allValueStrings: [String] { allCases.map(\.argumentName) }
    public static var allValueDescriptions: [String: String] { [:] }
    public var defaultValueDescription: String { argumentName }
    /// How the help and the parser's errors name it.
    var argumentName: String { localized(it: italianName, en: rawValue) }
}

/// A vehicle's document: `inspection`, `revisione`, `assicurazione`.
extension VehicleDocumentKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(italianOrCode: argument) }
    public static var allValueStrings: [String] { allCases.map(\.argumentName) }
    public static var allValueDescriptions: [String: String] { [:] }
    public var defaultValueDescription: String { argumentName }
    /// How the help and the parser's errors name it.
    var argumentName: String { localized(it: italianName, en: rawValue) }
}

/// A token's role: `monitoring`, `associazione`, `monitoraggio`.
extension TokenRole: ExpressibleByArgument {
    public init?(argument: String) { self.init(italianOrCode: argument) }
    public static var allValueStrings: [String] { allCases.map(\.argumentName) }
    public static var allValueDescriptions: [String: String] { [:] }
    public var defaultValueDescription: String { argumentName }
    /// How the help and the parser's errors name it.
    var argumentName: String { localized(it: italianName, en: rawValue) }
}

/// The help of a `--month` option: its form and an example.
func monthHelp(_ text: String = localized(it: "Il mese", en: "The month")) -> ArgumentHelp {
    ArgumentHelp(localized(it: "\(text), es. 2025-03.", en: "\(text), e.g. 2025-03."), valueName: localized(it: "AAAA-MM", en: "YYYY-MM"))
}
