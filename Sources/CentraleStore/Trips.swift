import CentraleDomain
import GRDB

extension Store {
    /// Adds requests, each given as its legs (outbound, then the return if any), in one
    /// transaction; the legs of a request are linked to each other. Returns the new trip ids
    /// in the same shape. Each trip gets its estimated road distance and an audit entry.
    @discardableResult
    public func addRequests(_ requests: [[TripRequest]], estimator: RoadDistanceEstimator, actor: Actor) throws -> [[Int64]] {
        let at = timestamp()
        return try pool.write { db in
            var ids: [[Int64]] = []
            ids.reserveCapacity(requests.count)
            for legs in requests {
                var legIDs: [Int64] = []
                for trip in legs {
                    let estimate = estimator.roadDistance(trip.pickup.location, trip.destination.location)
                    try db.cachedStatement(sql: """
                        INSERT INTO trip(beneficiary, date, pickup_place, pickup_label, pickup_comune, pickup_lat, pickup_lon,
                          dest_place, dest_label, dest_comune, dest_lat, dest_lon, appointment, leg, paired_trip, series,
                          needs, purpose, status, status_reason, estimated_m)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """).execute(arguments: [
                            trip.beneficiary, trip.date.description, trip.pickup.placeCode, trip.pickup.label, trip.pickup.comune,
                            trip.pickup.location.latitude, trip.pickup.location.longitude, trip.destination.placeCode,
                            trip.destination.label, trip.destination.comune, trip.destination.location.latitude,
                            trip.destination.location.longitude, trip.appointment.minutes, trip.leg.rawValue, legIDs.last,
                            trip.seriesID, trip.needs.rawValue, trip.purpose.rawValue, trip.status.rawValue, trip.statusReason,
                            estimate.metres,
                        ])
                    let id = db.lastInsertedRowID
                    if let previous = legIDs.last {
                        try db.cachedStatement(sql: "UPDATE trip SET paired_trip = ? WHERE id = ?").execute(arguments: [id, previous])
                    }
                    legIDs.append(id)
                    try audit(db, actor, action: "trip.create", entity: "trip", id: String(id), details: [
                        "beneficiary": .text(trip.beneficiary), "date": .text(trip.date.description),
                        "time": .text(trip.appointment.description), "leg": .text(trip.leg.rawValue),
                        "from": .text(trip.pickup.placeCode ?? trip.pickup.comune), "to": .text(trip.destination.placeCode ?? trip.destination.comune),
                        "purpose": .text(trip.purpose.rawValue), "estimated_m": .int(estimate.metres),
                    ], at: at)
                }
                ids.append(legIDs)
            }
            return ids
        }
    }

    /// The trips of a day, by appointment time then id.
    public func trips(on date: LocalDate) throws -> [TripRequest] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM trip WHERE date = ? ORDER BY appointment, id", arguments: [date.description])
                .map(TripRequest.init(row:))
        }
    }

    /// One trip by id.
    public func trip(_ id: Int64) throws -> TripRequest? {
        try pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM trip WHERE id = ?", arguments: [id]).map(TripRequest.init(row:)) }
    }
}

extension TripRequest {
    init(row: Row) {
        self.init(
            id: row["id"], beneficiary: row["beneficiary"], date: LocalDate(row["date"] as String)!,
            pickup: Stop(placeCode: row["pickup_place"], label: row["pickup_label"], comune: row["pickup_comune"],
                         location: Coordinate(latitude: row["pickup_lat"], longitude: row["pickup_lon"])),
            destination: Stop(placeCode: row["dest_place"], label: row["dest_label"], comune: row["dest_comune"],
                              location: Coordinate(latitude: row["dest_lat"], longitude: row["dest_lon"])),
            appointment: LocalTime(minutes: row["appointment"])!, leg: TripLeg(rawValue: row["leg"]) ?? .outbound,
            pairedTripID: row["paired_trip"], seriesID: row["series"], needs: Needs(rawValue: row["needs"]),
            purpose: TripPurpose(rawValue: row["purpose"]) ?? .visit, status: TripStatus(rawValue: row["status"]) ?? .pending,
            statusReason: row["status_reason"])
    }
}
