import CentraleDomain
import GRDB

extension Store {
    /// Adds requests, each given as its legs (outbound, then the return if any), in one
    /// transaction; the legs of a request are linked to each other. Returns the new trip ids
    /// in the same shape. Each trip gets its estimated road distance and an audit entry.
    ///
    /// A trip dated in a closed month is refused unless `late` gives the reason it is added
    /// late (audited): the closed month stays as it was, and the trip's log is paid as an
    /// adjustment in the month in which it is submitted.
    @discardableResult
    public func addRequests(_ requests: [[TripRequest]], estimator: RoadDistanceEstimator, late: String? = nil,
                            actor: Actor) throws -> [[Int64]] {
        let at = timestamp()
        return try pool.write { db in
            // A late trip's reason goes into the audit trail for good: it must not name the person.
            if late != nil {
                for code in Set(requests.joined().map(\.beneficiary)) { try Self.refuseNamingPerson(db, code: code, [("the reason", actor.reason)]) }
            }
            var closed: [YearMonth: Bool] = [:]
            for trip in requests.joined() where late == nil {
                let month = trip.date.yearMonth
                if closed[month] == nil { closed[month] = try Self.isClosed(db, month) }
                if closed[month]! {
                    throw StoreError.refused("\(trip.date) is in \(month), which is closed; a trip added to a closed month needs "
                                             + "--late --reason \"…\" (the month stays closed; its log is paid as an adjustment in the current month)")
                }
            }
            var ids: [[Int64]] = []
            ids.reserveCapacity(requests.count)
            // A series gets the id of its first trip in its name, so that two series never share
            // one (a request entered twice, or two series of a day at 01:15 and 11:05).
            var seriesNames: [String: String] = [:]
            for legs in requests {
                var legIDs: [Int64] = []
                for trip in legs {
                    let estimate = estimator.roadDistance(trip.pickup.location, trip.destination.location)
                    var series: String?
                    if let given = trip.seriesID {
                        if seriesNames[given] == nil {
                            let next = (try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'trip'") ?? 0) + 1
                            seriesNames[given] = "\(given)-\(next)"
                        }
                        series = seriesNames[given]
                    }
                    try db.cachedStatement(sql: """
                        INSERT INTO trip(beneficiary, date, pickup_place, pickup_label, pickup_comune, pickup_lat, pickup_lon,
                          dest_place, dest_label, dest_comune, dest_lat, dest_lon, appointment, leg, paired_trip, series,
                          needs, purpose, status, status_reason, estimated_m, approximate)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """).execute(arguments: [
                            trip.beneficiary, trip.date.description, trip.pickup.placeCode, trip.pickup.label, trip.pickup.comune,
                            trip.pickup.location.latitude, trip.pickup.location.longitude, trip.destination.placeCode,
                            trip.destination.label, trip.destination.comune, trip.destination.location.latitude,
                            trip.destination.location.longitude, trip.appointment.minutes, trip.leg.rawValue, legIDs.last,
                            series, trip.needs.rawValue, trip.purpose.rawValue, trip.status.rawValue, trip.statusReason,
                            estimate.metres, (trip.pickup.approximate ? 1 : 0) | (trip.destination.approximate ? 2 : 0),
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
                    ].merging(late.map { ["late": .text($0)] } ?? [:]) { a, _ in a }, at: at)
                }
                ids.append(legIDs)
            }
            return ids
        }
    }

    /// The trips of a day, by appointment time then id.
    public func trips(on date: LocalDate) throws -> [TripRequest] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT \(TripRequest.columns) FROM trip WHERE date = ? ORDER BY appointment, id", arguments: [date.description])
                .map(TripRequest.init(row:))
        }
    }

    /// One trip by id.
    public func trip(_ id: Int64) throws -> TripRequest? {
        try pool.read { db in try Row.fetchOne(db, sql: "SELECT \(TripRequest.columns) FROM trip WHERE id = ?", arguments: [id]).map(TripRequest.init(row:)) }
    }
}

extension TripRequest {
    /// The trip columns `init(row:)` reads, in its order (decoding by position: GRDB's lookup
    /// by column name is costly when a year of rows is read).
    static let columns = """
        trip.id, trip.beneficiary, trip.date, trip.pickup_place, trip.pickup_label, trip.pickup_comune, trip.pickup_lat,
        trip.pickup_lon, trip.dest_place, trip.dest_label, trip.dest_comune, trip.dest_lat, trip.dest_lon, trip.appointment,
        trip.leg, trip.paired_trip, trip.series, trip.needs, trip.purpose, trip.status, trip.status_reason, trip.estimated_m,
        trip.version, trip.approximate
        """
    /// How many columns `columns` lists; columns after them belong to the caller.
    static let columnCount = 24

    /// Decodes a row whose first columns are `TripRequest.columns`.
    init(row: Row) {
        self.init(
            id: row[0], beneficiary: row[1], date: LocalDate(row[2] as String)!,
            pickup: Stop(placeCode: row[3], label: row[4], comune: row[5], location: Coordinate(latitude: row[6], longitude: row[7])),
            destination: Stop(placeCode: row[8], label: row[9], comune: row[10], location: Coordinate(latitude: row[11], longitude: row[12])),
            appointment: LocalTime(minutes: row[13])!, leg: TripLeg(rawValue: row[14]) ?? .outbound,
            pairedTripID: row[15], seriesID: row[16], needs: Needs(rawValue: row[17]),
            purpose: TripPurpose(rawValue: row[18]) ?? .visit, status: TripStatus(rawValue: row[19]) ?? .pending,
            statusReason: row[20])
        let approximate: Int = row[23]
        pickup.approximate = approximate & 1 != 0
        destination.approximate = approximate & 2 != 0
    }
}
