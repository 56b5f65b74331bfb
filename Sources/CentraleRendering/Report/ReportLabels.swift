import CentraleReport
import CentraleFormats
import CentraleDomain

/// Every label of the report, one case each; `italian` and `english` are exhaustive switches, so
/// a label without a translation does not compile, and nothing falls back to a key.
enum ReportLabel: String, CaseIterable {
    case title
    case `for`
    case month
    case ytd
    case lastYear
    case projection
    case requested
    case assigned
    case done
    case noShow
    case cancelled
    case unassignable
    case km
    case kmEstimated
    case euros
    case costTrip
    case costKm
    case active
    case new
    case onTime
    case flagged
    case trend
    case associations
    case share
    case convention
    case trips
    case equity
    case comune
    case population
    case per1000
    case purposes
    case destinations
    case reasons
    case anomalies
    case none
    case association
    case trip
    case date
    case logged
    case estimated
    case difference
    case privacy
    case figure
    case value
    case shared
    case sharedNone
    case sharedPlans
    case sharedTrips
    case sharedKm
    case sharedAlone
    case sharedSaving
    case people
    case activations
    case suspensions
    case closings
    case expiring
    case noTrip60
    case lineMethod, seasonalMethod, kmLogged, kmEstimatedShort
    // The charts: axes, legends and what a blank month means.
    case axisTrips
    case legendTrips
    case legendEuros
    case legendNoData
    case axisShare
    case legendShare
    case legendConvention
    case axisPer1000
    case legendPer1000

    var italian: String {
        switch self {
        case .title: "Accompagnamento sociale — rapporto mensile"
        case .`for`: "per il tavolo di monitoraggio"
        case .month: "Mese"
        case .ytd: "Da inizio anno"
        case .lastYear: "Stesso mese, anno prima"
        case .projection: "Proiezione dell'anno"
        case .requested: "Servizi richiesti"
        case .assigned: "Assegnati"
        case .done: "Effettuati"
        case .noShow: "Assenze"
        case .cancelled: "Annullati"
        case .unassignable: "Non assegnabili"
        case .km: "Km percorsi"
        case .kmEstimated: "Km stimati"
        case .euros: "Rimborsato (€)"
        case .costTrip: "Costo per servizio (€)"
        case .costKm: "Costo per km (€)"
        case .active: "Beneficiari serviti"
        case .new: "Nuove attivazioni"
        case .onTime: "Puntualità"
        case .flagged: "Km da rivedere"
        case .trend: "Ultimi 12 mesi: servizi (barre) e rimborsi (linea)"
        case .associations: "Associazioni: quota del lavoro e quota di convenzione"
        case .share: "Quota"
        case .convention: "Convenzione"
        case .trips: "Servizi"
        case .equity: "Equità: servizi per 1.000 abitanti per comune"
        case .comune: "Comune"
        case .population: "Abitanti"
        case .per1000: "per 1.000 ab."
        case .purposes: "Servizi per motivo"
        case .destinations: "Destinazioni principali"
        case .reasons: "Domanda non soddisfatta: motivi"
        case .anomalies: "Anomalie km"
        case .none: "Nessuna"
        case .association: "Associazione"
        case .trip: "Servizio"
        case .date: "Data"
        case .logged: "Registrati"
        case .estimated: "Stimati"
        case .difference: "Differenza"
        case .privacy: "Nessun dato personale: i beneficiari compaiono solo come conteggi."
        case .figure: "Indicatore"
        case .value: "Valore"
        case .shared: "Giri condivisi accettati (km stimati)"
        case .sharedNone: "Nessun giro condiviso accettato nel mese."
        case .sharedPlans: "giornate di associazione pianificate"
        case .sharedTrips: "servizi sui giri"
        case .sharedKm: "km pianificati invece di"
        case .sharedAlone: "da soli"
        case .sharedSaving: "risparmio"
        case .people: "Beneficiari: ingressi, sospensioni, chiusure (conteggi)"
        case .activations: "Attivazioni"
        case .suspensions: "Sospensioni"
        case .closings: "Chiusure"
        case .expiring: "Autorizzazioni in scadenza il mese prossimo"
        case .noTrip60: "Attivi senza servizi da 60 giorni"
        case .lineMethod: "lineare"
        case .seasonalMethod: "stagionale"
        case .kmLogged: "km registrati"
        case .kmEstimatedShort: "km stimati"
        case .axisTrips: "servizi"
        case .legendTrips: "servizi richiesti (scala a sinistra)"
        case .legendEuros: "rimborsi (€, scala a destra)"
        case .legendNoData: "mesi senza dati: lasciati vuoti"
        case .axisShare: "% dei servizi assegnati nel mese"
        case .legendShare: "quota dei servizi svolta dall'associazione"
        case .legendConvention: "quota prevista dalla convenzione"
        case .axisPer1000: "servizi per 1.000 abitanti"
        case .legendPer1000: "servizi del mese per 1.000 abitanti del comune"
        }
    }

    var english: String {
        switch self {
        case .title: "Social accompaniment — monthly report"
        case .`for`: "for the monitoring table"
        case .month: "Month"
        case .ytd: "Year to date"
        case .lastYear: "Same month, a year before"
        case .projection: "Projection of the year"
        case .requested: "Trips requested"
        case .assigned: "Assigned"
        case .done: "Carried out"
        case .noShow: "No-shows"
        case .cancelled: "Cancelled"
        case .unassignable: "Unassignable"
        case .km: "Km driven"
        case .kmEstimated: "Km estimated"
        case .euros: "Reimbursed (€)"
        case .costTrip: "Cost per trip (€)"
        case .costKm: "Cost per km (€)"
        case .active: "Beneficiaries served"
        case .new: "Newly activated"
        case .onTime: "On time"
        case .flagged: "Km flagged"
        case .trend: "Last 12 months: trips (bars) and reimbursements (line)"
        case .associations: "Associations: share of the work and convention share"
        case .share: "Share"
        case .convention: "Convention"
        case .trips: "Trips"
        case .equity: "Equity: trips per 1,000 inhabitants by comune"
        case .comune: "Comune"
        case .population: "Inhabitants"
        case .per1000: "per 1,000"
        case .purposes: "Trips by purpose"
        case .destinations: "Main destinations"
        case .reasons: "Unmet demand: reasons"
        case .anomalies: "Km anomalies"
        case .none: "None"
        case .association: "Association"
        case .trip: "Trip"
        case .date: "Date"
        case .logged: "Logged"
        case .estimated: "Estimated"
        case .difference: "Difference"
        case .privacy: "No personal data: beneficiaries appear only as counts."
        case .figure: "Figure"
        case .value: "Value"
        case .shared: "Accepted shared-ride plans (estimated km)"
        case .sharedNone: "No shared-ride plan accepted in the month."
        case .sharedPlans: "association-days planned"
        case .sharedTrips: "trips on the routes"
        case .sharedKm: "km planned instead of"
        case .sharedAlone: "alone"
        case .sharedSaving: "saving"
        case .people: "Beneficiaries: activations, suspensions, closings (counts)"
        case .activations: "Activations"
        case .suspensions: "Suspensions"
        case .closings: "Closings"
        case .expiring: "Authorisations expiring next month"
        case .noTrip60: "Active without a trip for 60 days"
        case .lineMethod: "linear"
        case .seasonalMethod: "seasonal"
        case .kmLogged: "km logged"
        case .kmEstimatedShort: "km estimated"
        case .axisTrips: "trips"
        case .legendTrips: "trips requested (left scale)"
        case .legendEuros: "reimbursements (€, right scale)"
        case .legendNoData: "months without data: left blank"
        case .axisShare: "% of the month's assigned trips"
        case .legendShare: "share of the trips carried by the association"
        case .legendConvention: "share set by the convention"
        case .axisPer1000: "trips per 1,000 inhabitants"
        case .legendPer1000: "the month's trips per 1,000 inhabitants of the comune"
        }
    }
}

/// The report's labels in Italian (default) or English, with the numbers and dates of the language.
struct ReportLabels {
    let language: Language
    var english: Bool { language == .en }

    subscript(label: ReportLabel) -> String { english ? label.english : label.italian }

    /// A purpose's name.
    func purpose(_ purpose: TripPurpose) -> String {
        switch purpose {
        case .dialysis: english ? "Dialysis" : "Dialisi"
        case .rehabilitation: english ? "Rehabilitation" : "Riabilitazione"
        case .therapy: english ? "Therapy" : "Terapie"
        case .dayCentre: english ? "Day centre" : "Centro diurno"
        case .visit: english ? "Visits" : "Visite"
        case .hospital: english ? "Hospital" : "Ricoveri"
        case .social: english ? "Social" : "Sociale"
        }
    }

    /// A purpose's name from its stored key; an unknown key as it is.
    func purpose(key: String) -> String { TripPurpose(rawValue: key).map(purpose) ?? key }

    /// Why trips were unassignable, from the code the store keeps, comuni by name.
    func reason(key: String, comuni: [MonitoringReport.ComuneRow]) -> String {
        let reason = TripStatusReason(stored: key)
        func name(_ code: String) -> String { comuni.first { $0.istatCode == code }?.name ?? code }
        return english ? reason.english(comuneName: name) : reason.italian(comuneName: name)
    }

    /// How the projection was made (`linear`, `seasonal`), in the language.
    func method(_ method: String) -> String {
        switch method {
        case "linear": self[.lineMethod]
        case "seasonal": self[.seasonalMethod]
        default: method
        }
    }

    /// A month of the trend chart, for its tooltip and summary:
    /// `marzo 2025: 3.032 servizi richiesti, 68.380,95 € rimborsati`.
    func trendTip(month: String, trips: Int, tripsText: String, euros: String) -> String {
        english ? "\(month): \(tripsText) \(trips == 1 ? "trip" : "trips") requested, \(euros) € reimbursed"
            : "\(month): \(tripsText) \(trips == 1 ? "servizio richiesto" : "servizi richiesti"), \(euros) € rimborsati"
    }

    /// What the trend chart shows, for readers who cannot see it: its title, its months and how
    /// many of them have no data (`…, da aprile 2024 a marzo 2025; 9 mesi senza dati`).
    func trendSummary(from: String, to: String, withoutData: Int) -> String {
        let range = english ? "from \(from) to \(to)" : "da \(from) a \(to)"
        let blank = withoutData == 0 ? "" : english ? "; \(withoutData) \(withoutData == 1 ? "month" : "months") without data"
            : "; \(withoutData) \(withoutData == 1 ? "mese" : "mesi") senza dati"
        return "\(self[.trend]), \(range)\(blank)"
    }

    /// An association's bar, for its tooltip: `AUS-CAL (Auser Calenzano): quota 1,29 %, convenzione 1,27 %`.
    func shareTip(name: String, share: String, convention: String) -> String {
        english ? "\(name): share \(share), convention \(convention)" : "\(name): quota \(share), convenzione \(convention)"
    }

    /// A comune's bar, for its tooltip: `Calenzano: 179 servizi, 9,98 per 1.000 abitanti`.
    func per1000Tip(name: String, trips: Int, tripsText: String, per1000: String) -> String {
        english ? "\(name): \(tripsText) \(trips == 1 ? "trip" : "trips"), \(per1000) per 1,000 inhabitants"
            : "\(name): \(tripsText) \(trips == 1 ? "servizio" : "servizi"), \(per1000) per 1.000 abitanti"
    }

    /// Every label by its name, for the templates (`{{l.title}}`).
    var all: [String: String] { Dictionary(uniqueKeysWithValues: ReportLabel.allCases.map { ($0.rawValue, self[$0]) }) }
}
