import CentraleDomain
import CentraleFormats

/// Computes what the convention pays for a logged trip, line by line.
///
/// Under art. 56 of the Codice del Terzo Settore only costs actually incurred are reimbursed,
/// without mark-up: the km rate is capped at the reference cost per km of the vehicle's class
/// (ACI tables), extra items apply only when the trip needed them, and indirect costs are
/// added per month on the statement, pro rata and capped (see `indirectLine`).
///
/// Rounding rule: every line is computed exactly in integer units and rounded once, to the
/// cent, half up (away from zero); a total is the sum of its rounded lines. So any euro of a
/// statement can be recomputed from its lines.
public struct TariffEngine: Sendable {
    /// The convention, with its tariff versions.
    public let convention: Convention

    /// Creates an engine.
    public init(convention: Convention) { self.convention = convention }

    /// What went wrong computing a reimbursement.
    public enum Problem: RemediableError, Equatable {
        /// No tariff version covers the trip's date.
        case noTariff(LocalDate)

        public var problem: any Message { Text(problem: self) }

        /// The problem's words in each language.
        struct Text: Message {
            let problem: Problem
            var italian: String {
                switch problem {
                case .noTariff(let date): "nessuna versione delle tariffe della convenzione copre il \(date.italianText)"
                }
            }
            var english: String {
                switch problem {
                case .noTariff(let date): "no tariff version of the convention covers \(date)"
                }
            }
        }

        public var remedy: Remedy? {
            switch self {
            case .noTariff: .addTariff
            }
        }
    }

    /// The reimbursement of a trip carried out (or attempted) as logged, with the vehicle used.
    public func reimburse(_ trip: TripRequest, log: TripLog, vehicle: Vehicle) throws -> TripReimbursement {
        guard let tariff = convention.tariff(on: trip.date) else { throw Problem.noTariff(trip.date) }
        var lines: [ReimbursementLine] = []

        let vehicleClass = vehicle.vehicleClass
        let cap = tariff.kmCap[vehicleClass] ?? tariff.kmRate
        let rate = min(tariff.kmRate, cap)
        let km = ReimbursementBasis.km(km: log.driven.kilometresText, rate: "\(rate)", cappedBy: rate < tariff.kmRate ? vehicleClass.rawValue : nil)
        lines.append(ReimbursementLine(item: .km, basis: km.english,
                                       amount: Self.cents(numerator: log.driven.metres * rate.microEurosPerKm, denominator: 10_000_000)))
        lines.append(ReimbursementLine(item: .insurance, basis: ReimbursementBasis.perTrip.english, amount: tariff.insurancePerTrip))

        switch log.outcome {
        case .done:
            if trip.needs.contains(.stretcher) && vehicle.stretcher {
                lines.append(ReimbursementLine(item: .stretcher, basis: ReimbursementBasis.perTrip.english, amount: tariff.stretcherItem))
            } else if trip.needs.contains(.wheelchair) && vehicle.wheelchairPlaces > 0 {
                lines.append(ReimbursementLine(item: .wheelchair, basis: ReimbursementBasis.perTrip.english, amount: tariff.wheelchairItem))
            }
            if trip.needs.contains(.escort) {
                lines.append(ReimbursementLine(item: .escort, basis: ReimbursementBasis.perTrip.english, amount: tariff.escortItem))
                let beyond = log.waitingMinutes - tariff.escortWaitingFreeMinutes
                if beyond > 0 {
                    let hours = (beyond + 59) / 60
                    lines.append(ReimbursementLine(item: .waiting,
                                                   basis: ReimbursementBasis.waiting(minutes: log.waitingMinutes, beyond: beyond, free: tariff.escortWaitingFreeMinutes,
                                                                                    hours: hours, perHour: "\(tariff.escortWaitingPerHour)").english,
                                                   amount: Money(cents: hours * tariff.escortWaitingPerHour.cents)))
                }
            }
        case .noShow:
            lines.append(ReimbursementLine(item: .noShow, basis: ReimbursementBasis.noShow.english, amount: tariff.noShowItem))
        case .cancelledOnSpot:
            lines.append(ReimbursementLine(item: .cancelledOnSpot, basis: ReimbursementBasis.cancelledOnSpot.english, amount: tariff.cancelledOnSpotItem))
        case .cancelledLate:
            if tariff.cancelledLateItem > .zero {
                lines.append(ReimbursementLine(item: .cancelledLate, basis: ReimbursementBasis.cancelledLate.english, amount: tariff.cancelledLateItem))
            }
        }
        return TripReimbursement(tripID: trip.id, tariffID: tariff.id, lines: lines)
    }

    /// The month's indirect costs for an association: the tariff's percentage of the month's
    /// direct items, capped at the monthly maximum.
    public func indirectLine(direct: Money, month: YearMonth) throws -> ReimbursementLine {
        guard let tariff = convention.tariff(on: month.lastDay) else { throw Problem.noTariff(month.lastDay) }
        let share = Self.cents(numerator: direct.cents * tariff.indirectBasisPoints, denominator: 10_000)
        let capped = min(share, tariff.indirectCapPerMonth)
        let percent = Money(cents: tariff.indirectBasisPoints).description
        return ReimbursementLine(item: .indirect,
                                 basis: ReimbursementBasis.indirect(percent: percent, direct: "\(direct)",
                                                                   cap: capped < share ? "\(tariff.indirectCapPerMonth)" : nil).english,
                                 amount: capped)
    }

    /// `numerator / denominator` cents, rounded half up (away from zero).
    static func cents(numerator: Int, denominator: Int) -> Money {
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        let roundAway = 2 * abs(remainder) >= denominator
        return Money(cents: quotient + (roundAway ? (numerator < 0 ? -1 : 1) : 0))
    }
}
