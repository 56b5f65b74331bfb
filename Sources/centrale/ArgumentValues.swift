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

/// A purpose by its code or its Italian name, in any case (`dialysis`, `dialisi`, `Centro diurno`).
extension TripPurpose: ExpressibleByArgument {
    public init?(argument: String) { self.init(italianOrCode: argument) }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// The help of a `--month` option: its form and an example.
func monthHelp(_ text: String = localized(it: "Il mese", en: "The month")) -> ArgumentHelp {
    ArgumentHelp(localized(it: "\(text), es. 2025-03.", en: "\(text), e.g. 2025-03."), valueName: "YYYY-MM")
}
