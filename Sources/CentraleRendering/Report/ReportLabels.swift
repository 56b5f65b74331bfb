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
        case .flagged: "Km da verificare"
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

    /// How the projection was made (`linear`, `seasonal`), in the language.
    func method(_ method: String) -> String {
        switch method {
        case "linear": self[.lineMethod]
        case "seasonal": self[.seasonalMethod]
        default: method
        }
    }

    /// Every label by its name, for the templates (`{{l.title}}`).
    var all: [String: String] { Dictionary(uniqueKeysWithValues: ReportLabel.allCases.map { ($0.rawValue, self[$0]) }) }
}
