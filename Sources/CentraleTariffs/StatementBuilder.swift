import CentraleDomain
import CentraleFormats

/// A logged trip as a statement prices it: the trip, its log, and the km payable when its km
/// were flagged for review.
public struct LoggedTrip: Sendable {
    /// The trip.
    public var trip: TripRequest
    /// Its log.
    public var log: TripLog
    /// The km-review flag, when the logged km are far from the estimate.
    public var flag: String?
    /// For a flagged trip: the convention's estimate, the km payable and the review's state
    /// (`nil`: not reviewed).
    public var estimated: Distance?
    public var payable: Distance?
    public var review: String?

    /// Creates a logged trip; `payable` is what a flagged trip is paid (the log's km otherwise).
    public init(trip: TripRequest, log: TripLog, flag: String? = nil, estimated: Distance? = nil, payable: Distance? = nil,
                review: String? = nil) {
        self.trip = trip
        self.log = log
        self.flag = flag
        self.estimated = estimated
        self.payable = payable
        self.review = review
    }
}

/// Builds the month's statements from its logged trips and adjustments: the one place where a
/// logged trip becomes money. Pure: the store reads what it needs and calls it, also inside the
/// transaction that closes a month.
public struct StatementBuilder: Sendable {
    /// The tariff engine of the convention.
    public let engine: TariffEngine
    /// The associations, with their vehicles.
    public let associations: [Association]

    /// Creates a builder.
    public init(convention: Convention, associations: [Association]) {
        engine = TariffEngine(convention: convention)
        self.associations = associations
    }

    /// Every association's statement of `month` (or only `only`'s): each logged trip priced on
    /// its payable km, the indirect costs, and the adjustments paid in the month. A log naming a
    /// vehicle no association has is an error.
    public func statements(month: YearMonth, trips: [LoggedTrip], adjustments: [String: [AdjustmentLine]],
                           only: String? = nil) throws -> [String: MonthlyStatement] {
        let vehicles = Dictionary(associations.flatMap(\.vehicles).map { ($0.plate, $0) }, uniquingKeysWith: { first, _ in first })
        var entries: [String: [MonthlyStatement.Entry]] = [:]
        for logged in trips {
            let log = logged.log
            guard let vehicle = vehicles[log.vehiclePlate] else { throw StatementError.unknownVehicle(log.vehiclePlate, trip: logged.trip.id) }
            var paid = log
            if logged.flag != nil, let payable = logged.payable { paid.driven = payable }
            entries[log.association, default: []].append(MonthlyStatement.Entry(
                tripID: logged.trip.id, date: logged.trip.date, beneficiary: logged.trip.beneficiary, outcome: log.outcome,
                vehicle: log.vehiclePlate, driven: log.driven, flag: logged.flag,
                reimbursement: try engine.reimburse(logged.trip, log: paid, vehicle: vehicle), estimated: logged.estimated,
                paid: logged.flag == nil ? nil : paid.driven, review: logged.flag == nil ? nil : logged.review ?? "not reviewed"))
        }
        var statements: [String: MonthlyStatement] = [:]
        for association in associations where only == nil || association.code == only {
            statements[association.code] = try MonthlyStatement(association: association.code, associationName: association.name, month: month,
                                                                entries: entries[association.code] ?? [],
                                                                adjustments: adjustments[association.code] ?? [], engine: engine)
        }
        return statements
    }
}

/// Why a statement cannot be built.
public enum StatementError: RemediableError, Equatable {
    /// A log names a vehicle that no association of the convention has.
    case unknownVehicle(String, trip: Int64)

    public var problem: any Message { Text(error: self) }

    /// The problem's words in each language.
    struct Text: Message {
        let error: StatementError
        var italian: String {
            switch error {
            case let .unknownVehicle(plate, trip):
                "il registro del servizio \(trip) indica il mezzo \(plate), che nessuna associazione della convenzione ha"
            }
        }
        var english: String {
            switch error {
            case let .unknownVehicle(plate, trip):
                "the log of trip \(trip) names vehicle \(plate), which no association of the convention has"
            }
        }
    }

    public var remedy: Remedy? {
        switch self {
        case let .unknownVehicle(_, trip): .amendLog(trip: trip, km: false)
        }
    }
}
