import CentraleDomain
import CentraleFormats
import CentraleTariffs
import CentraleTripLogs
import GRDB

/// What a review of a flagged trip's km did.
public struct KmReviewResult: Sendable {
    public var trip: Int64
    /// The km logged, the convention's estimate, and the km now paid.
    public var logged: Distance
    public var estimated: Distance
    public var paid: Distance
    /// For a trip of a closed month: the difference paid (or taken back) in the current month.
    public var adjustment: (amount: Money, month: YearMonth)?
}

extension Store {
    /// Records the review of a flagged trip's km (the actor's reason is required): `accept`
    /// pays the logged km, `useEstimate` the estimate capped at the logged km, `km(N)` N km
    /// (at most the logged km: to pay more, amend the log). A new review replaces an earlier
    /// one. For a trip of a closed month the closed month is untouched: the difference between
    /// what the review pays and what was payable before is an adjustment line in the current
    /// month. Audited in the same transaction, with the previous decision.
    public func reviewKm(trip id: Int64, decision: KmReview, actor: Actor) throws -> KmReviewResult {
        guard let reason = actor.reason, !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StoreError.refused(.log(.reviewNeedsReason))
        }
        let registry = try self.registry()
        let at = timestamp()
        let today = today()
        return try pool.write { db in
            guard let log = try Self.logs(db, [id])[id],
                  let row = try Row.fetchOne(db, sql: "SELECT estimated_m, km_flag FROM trip_log WHERE trip = ?", arguments: [id]) else {
                throw StoreError.refused(.log(.noLog(id)), remedy: .findFlaggedTrip)
            }
            guard (row[1] as String?) != nil else {
                throw StoreError.refused(.log(.notFlagged(id)))
            }
            let estimated = Distance(metres: row[0])
            if case .km(let km) = decision, km > log.driven {
                throw StoreError.refused(.log(.reviewAboveLogged(km: km, logged: log.driven)), remedy: .amendLog(trip: id, km: true))
            }
            let previous = try Self.review(db, trip: id, logged: log.driven, estimated: estimated)
            let before = KmReconciliation.payable(driven: log.driven, estimated: estimated, flagged: true, review: previous)
            let after = KmReconciliation.payable(driven: log.driven, estimated: estimated, flagged: true, review: decision)
            try db.execute(sql: """
                INSERT INTO km_review(trip, decision, logged_m, estimated_m, paid_m, reason, reviewed_at, reviewed_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(trip) DO UPDATE SET decision = excluded.decision, logged_m = excluded.logged_m,
                  estimated_m = excluded.estimated_m, paid_m = excluded.paid_m, reason = excluded.reason,
                  reviewed_at = excluded.reviewed_at, reviewed_by = excluded.reviewed_by
                """, arguments: [id, decision.name, log.driven.metres, estimated.metres, after.metres, reason, at, actor.name])
            let trip = try Self.logTrips(db, [id]).trips[id]!.trip
            var adjustment: (amount: Money, month: YearMonth)?
            if try Self.isClosed(db, trip.date.yearMonth), before != after {
                guard let vehicle = registry.associations.flatMap(\.vehicles).first(where: { $0.plate == log.vehiclePlate }) else {
                    throw StoreError.notFound(entity: .vehicle, id: log.vehiclePlate)
                }
                let engine = TariffEngine(convention: registry.convention)
                var paidBefore = log, paidAfter = log
                paidBefore.driven = before
                paidAfter.driven = after
                let amount = try engine.reimburse(trip, log: paidAfter, vehicle: vehicle).total - engine.reimburse(trip, log: paidBefore, vehicle: vehicle).total
                if amount != .zero {
                    let month = try Self.recordAdjustment(db, trip: trip, association: log.association, amount: amount,
                                                          reason: AdjustmentReason.kmReview(reason).stored, actor: actor, today: today, at: at)
                    adjustment = (amount, month)
                }
            }
            var details: [String: AuditValue] = [
                "decision": .text(decision.name), "logged_m": .int(log.driven.metres), "estimated_m": .int(estimated.metres),
                "paid_m": .int(after.metres), "previous": .text(previous?.name ?? "not reviewed"),
            ]
            if let adjustment { details["adjustment_cents"] = .int(adjustment.amount.cents); details["applied_month"] = .text(adjustment.month.description) }
            try audit(db, actor, action: "km.review", entity: "trip", id: String(id), details: details, at: at)
            return KmReviewResult(trip: id, logged: log.driven, estimated: estimated, paid: after, adjustment: adjustment)
        }
    }

    /// The review of a trip's km, if there is one of the log as it is (same km and estimate).
    static func review(_ db: Database, trip: Int64, logged: Distance, estimated: Distance) throws -> KmReview? {
        guard let row = try Row.fetchOne(db, sql: "SELECT decision, paid_m FROM km_review WHERE trip = ? AND logged_m = ? AND estimated_m = ?",
                                         arguments: [trip, logged.metres, estimated.metres]) else { return nil }
        return KmReview(name: row[0], km: Distance(metres: row[1]))
    }

    /// The log as it is paid: with the km payable (see `KmReconciliation.payable`).
    static func payableLog(_ db: Database, _ log: TripLog, estimated: Distance, flagged: Bool) throws -> TripLog {
        guard flagged else { return log }
        var paid = log
        paid.driven = KmReconciliation.payable(driven: log.driven, estimated: estimated, flagged: true,
                                               review: try review(db, trip: log.tripID, logged: log.driven, estimated: estimated))
        return paid
    }
}
