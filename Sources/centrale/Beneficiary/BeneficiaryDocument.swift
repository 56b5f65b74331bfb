import CentraleDomain
import CentraleStore

/// Everything held about a person as JSON (`show --format json` and `export`).
struct BeneficiaryDocument: Encodable {
    struct Personal: Encodable {
        var surname, name, codiceFiscale, birthDate: String
        var phones: [String]
        var street, houseNumber, comune: String
        var latitude, longitude: Double
        var positionApproximate: Bool
        var caregiver, caregiverPhone, driverNotes: String
        enum CodingKeys: String, CodingKey {
            case surname, name, phones, street, comune, latitude, longitude, caregiver
            case codiceFiscale = "codice_fiscale", birthDate = "birth_date", houseNumber = "house_number"
            case positionApproximate = "position_approximate", caregiverPhone = "caregiver_phone", driverNotes = "driver_notes"
        }
    }
    struct Referral: Encodable {
        var by, referrerName, referrerRole, date, paiReference: String
        enum CodingKeys: String, CodingKey { case by, date, referrerName = "referrer_name", referrerRole = "referrer_role", paiReference = "pai_reference" }
    }
    struct AuthorisationJSON: Encodable {
        var purposes: [String], needs: String, companionAllowed: Bool, validFrom: String, validUntil: String
        enum CodingKeys: String, CodingKey { case purposes, needs, companionAllowed = "companion_allowed", validFrom = "valid_from", validUntil = "valid_until" }
    }
    struct History: Encodable {
        var status, from: String, to: String?, reason: String, closingReason: String?, actor, at: String
        enum CodingKeys: String, CodingKey { case status, from, to, reason, actor, at, closingReason = "closing_reason" }
    }
    struct Trip: Encodable {
        var id: Int64, date, time, leg, from, to, purpose, status: String, reason: String?, association: String?
        var loggedMetres: Int?, pickedUpAt: String?, droppedOffAt: String?, outcome: String?
        var vehicle: String?, driver: String?, waitingMinutes: Int?, notes: String?
        enum CodingKeys: String, CodingKey {
            case id, date, time, leg, from, to, purpose, status, reason, association, outcome, vehicle, driver, notes
            case loggedMetres = "logged_m", pickedUpAt = "picked_up_at", droppedOffAt = "dropped_off_at", waitingMinutes = "waiting_minutes"
        }
    }
    struct Totals: Encodable {
        var year: Int, trips: Int, done: Int, noShows: Int, cancelled: Int, loggedMetres: Int
        enum CodingKeys: String, CodingKey { case year, trips, done, cancelled, noShows = "no_shows", loggedMetres = "logged_m" }
    }

    var code, status, comune, comuneName: String
    /// Present even once erased (as null), as `list` and `find` give it.
    var codiceFiscale: NullableText
    var activatedOn: String, closedOn: String?, closingReason: String?, erasedOn: String?
    var needs: String
    var personal: Personal?
    var referral: Referral?
    var authorisations: [AuthorisationJSON]
    var history: [History]
    var trips: [Trip]
    var yearTotals: Totals?

    enum CodingKeys: String, CodingKey {
        case code, status, comune, needs, personal, referral, authorisations, history, trips
        case comuneName = "comune_name", codiceFiscale = "codice_fiscale", activatedOn = "activated_on", closedOn = "closed_on"
        case closingReason = "closing_reason", erasedOn = "erased_on", yearTotals = "year_totals"
    }

    init(_ file: BeneficiaryFile, today: LocalDate, comuneNames: [String: String], trips: [PersonTrip], totals: Totals?) {
        let b = file.beneficiary
        code = b.code; status = b.effectiveStatus(on: today).rawValue; comune = b.comune; comuneName = comuneNames[b.comune] ?? b.comune
        codiceFiscale = NullableText(file.personal?.codiceFiscale); activatedOn = b.activatedOn.description; closedOn = b.closedOn?.description
        closingReason = file.closingReason?.rawValue; erasedOn = file.erasedOn?.description; needs = b.needs.description
        personal = file.personal.map { p in
            Personal(surname: p.surname, name: p.name, codiceFiscale: p.codiceFiscale, birthDate: p.birthDate.description, phones: p.phones,
                     street: p.street, houseNumber: p.houseNumber, comune: p.comune, latitude: p.position.latitude, longitude: p.position.longitude,
                     positionApproximate: p.positionApproximate, caregiver: p.caregiver, caregiverPhone: p.caregiverPhone, driverNotes: p.driverNotes)
        }
        referral = file.referral.map { r in
            Referral(by: r.by.rawValue, referrerName: r.referrerName, referrerRole: r.referrerRole, date: r.date.description, paiReference: r.paiReference)
        }
        authorisations = b.authorisations.map { a in
            AuthorisationJSON(purposes: a.purposesText.split(separator: ",").map(String.init), needs: a.needs.description,
                              companionAllowed: a.companionAllowed, validFrom: a.validFrom.description, validUntil: a.validUntil.description)
        }
        history = file.history.map { h in
            History(status: h.status.rawValue, from: h.from.description, to: h.to?.description, reason: StatusChangeReason(stored: h.reason).english,
                    closingReason: h.closingReason?.rawValue, actor: h.actor, at: h.at)
        }
        self.trips = trips.map { t in
            Trip(id: t.trip.id, date: t.trip.date.description, time: t.trip.appointment.description, leg: t.trip.leg.rawValue,
                 from: t.trip.pickup.placeCode ?? t.trip.pickup.label, to: t.trip.destination.placeCode ?? t.trip.destination.label,
                 purpose: t.trip.purpose.rawValue, status: t.trip.status.rawValue, reason: t.trip.statusReason.map { TripStatusReason(stored: $0).english() }, association: t.association,
                 loggedMetres: t.drivenMetres, pickedUpAt: t.pickedUpAt?.description, droppedOffAt: t.droppedOffAt?.description, outcome: t.outcome,
                 vehicle: t.vehicle, driver: t.driver, waitingMinutes: t.waitingMinutes, notes: t.notes)
        }
        yearTotals = totals
    }

    /// The year's totals of a person's trips.
    static func totals(_ trips: [PersonTrip], year: Int) -> Totals {
        let ofYear = trips.filter { $0.trip.date.year == year }
        return Totals(year: year, trips: ofYear.count, done: ofYear.filter { $0.trip.status == .done }.count,
                      noShows: ofYear.filter { $0.trip.status == .noShow }.count, cancelled: ofYear.filter { $0.trip.status == .cancelled }.count,
                      loggedMetres: ofYear.compactMap(\.drivenMetres).reduce(0, +))
    }
}

/// An optional text written as `null` when absent (the key is always there).
struct NullableText: Encodable {
    var value: String?
    init(_ value: String?) { self.value = value }
    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}
