import CentraleDomain
import CentraleFormats

/// The parts some trip-log problems are made of, each worded in both languages.
extension LogProblem {
    /// What a km cell holds, as the messages name it.
    public enum Quantity: Hashable, Sendable {
        /// An odometer reading.
        case odometerReading
        /// The km of one trip.
        case tripKm

        var italian: String { self == .odometerReading ? "una lettura del contachilometri" : "i km di un servizio" }
        var english: String { self == .odometerReading ? "an odometer reading" : "the km of one trip" }
    }

    /// How a row differs from the trip's recorded log.
    public enum Difference: Hashable, Sendable {
        case km(recorded: Distance, here: Distance)
        case vehicle(recorded: String, here: String)
        case outcome(recorded: TripOutcome, here: TripOutcome)
        case times
        case driver
        case waiting(recorded: Int, here: Int)
        case odometer
        case notes

        var italian: String {
            switch self {
            case let .km(recorded, here): "km: registrati \(LogProblem.km(recorded)), qui \(LogProblem.km(here))"
            case let .vehicle(recorded, here): "mezzo: registrato \(recorded), qui \(here)"
            case let .outcome(recorded, here): "esito: registrato \(recorded.italianName), qui \(here.italianName)"
            case .times: "gli orari sono diversi"
            case .driver: "l'autista è diverso"
            case let .waiting(recorded, here): "attesa: registrati \(recorded) minuti, qui \(here)"
            case .odometer: "il contachilometri è diverso"
            case .notes: "le note sono diverse"
            }
        }

        var english: String {
            switch self {
            case let .km(recorded, here): "km \(recorded) recorded, \(here) here"
            case let .vehicle(recorded, here): "vehicle \(recorded) recorded, \(here) here"
            case let .outcome(recorded, here): "outcome \(recorded.rawValue) recorded, \(here.rawValue) here"
            case .times: "times differ"
            case .driver: "driver differs"
            case let .waiting(recorded, here): "waiting \(recorded) recorded, \(here) here"
            case .odometer: "odometer differs"
            case .notes: "notes differ"
            }
        }
    }

    /// Why two odometer ranges of one vehicle and day cannot both stand.
    public enum Overlap: Hashable, Sendable {
        /// The trips are not on one route of an accepted plan.
        case twoTripsAtOnce
        /// The trips share a route of the accepted plan, but of another vehicle (`routeVehicle`, when known).
        case otherVehicle(routeVehicle: String?, vehicle: String)
        /// The trips share a route, but the readings do not follow its order (`first` is picked up first).
        case outOfOrder(first: Int64)

        var italian: String {
            switch self {
            case .twoTripsAtOnce:
                "un mezzo non può fare due servizi contemporaneamente (salvo che siano nello stesso giro di un piano accettato); "
                    + "correggi le letture del contachilometri"
            case let .otherVehicle(routeVehicle, vehicle):
                "i servizi sono nello stesso giro del piano accettato, ma " + (routeVehicle.map { "sul mezzo \($0)" } ?? "su un altro mezzo")
                    + ", non su \(vehicle): un mezzo non può fare due servizi contemporaneamente; correggi il mezzo o le letture"
            case .outOfOrder(let first):
                "i servizi sono nello stesso giro del piano accettato, ma le letture non ne seguono l'ordine "
                    + "(il servizio \(first) viene preso per primo); correggi le letture"
            }
        }

        var english: String {
            switch self {
            case .twoTripsAtOnce:
                "one vehicle cannot drive two trips at once (unless they share a route of an accepted plan); correct the readings"
            case let .otherVehicle(routeVehicle, vehicle):
                "the trips share a route of the accepted plan, but on \(routeVehicle ?? "another vehicle"), "
                    + "not \(vehicle): one vehicle cannot drive two trips at once; correct the vehicle or the readings"
            case .outOfOrder(let first):
                "the trips share a route of the accepted plan, but the readings do not follow its order "
                    + "(trip \(first) is picked up first); correct the readings"
            }
        }
    }
}
