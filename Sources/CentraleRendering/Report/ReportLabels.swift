/// The report's labels in Italian (default) and English.
struct ReportLabels {
    let language: Language
    var english: Bool { language == .en }

    private static let table: [String: (it: String, en: String)] = [
        "title": ("Accompagnamento sociale — rapporto mensile", "Social accompaniment — monthly report"),
        "for": ("per il tavolo di monitoraggio", "for the monitoring table"),
        "month": ("Mese", "Month"), "ytd": ("Da inizio anno", "Year to date"), "lastYear": ("Stesso mese, anno prima", "Same month, a year before"),
        "projection": ("Proiezione dell'anno", "Projection of the year"),
        "requested": ("Servizi richiesti", "Trips requested"), "assigned": ("Assegnati", "Assigned"), "done": ("Effettuati", "Carried out"),
        "noShow": ("Assenze", "No-shows"), "cancelled": ("Annullati", "Cancelled"), "unassignable": ("Non assegnabili", "Unassignable"),
        "km": ("Km percorsi", "Km driven"), "kmEstimated": ("Km stimati", "Km estimated"), "euros": ("Rimborsato (€)", "Reimbursed (€)"),
        "costTrip": ("Costo per servizio (€)", "Cost per trip (€)"), "costKm": ("Costo per km (€)", "Cost per km (€)"),
        "active": ("Beneficiari serviti", "Beneficiaries served"), "new": ("Nuove attivazioni", "Newly activated"),
        "onTime": ("Puntualità", "On time"), "flagged": ("Km da verificare", "Km flagged"),
        "trend": ("Ultimi 12 mesi: servizi (barre) e rimborsi (linea)", "Last 12 months: trips (bars) and reimbursements (line)"),
        "associations": ("Associazioni: quota del lavoro e quota di convenzione", "Associations: share of the work and convention share"),
        "share": ("Quota", "Share"), "convention": ("Convenzione", "Convention"), "trips": ("Servizi", "Trips"),
        "equity": ("Equità: servizi per 1.000 abitanti per comune", "Equity: trips per 1,000 inhabitants by comune"),
        "comune": ("Comune", "Comune"), "population": ("Abitanti", "Inhabitants"), "per1000": ("per 1.000 ab.", "per 1,000"),
        "purposes": ("Servizi per motivo", "Trips by purpose"), "destinations": ("Destinazioni principali", "Main destinations"),
        "reasons": ("Domanda non soddisfatta: motivi", "Unmet demand: reasons"), "anomalies": ("Anomalie km", "Km anomalies"),
        "none": ("Nessuna", "None"), "association": ("Associazione", "Association"), "trip": ("Servizio", "Trip"), "date": ("Data", "Date"),
        "logged": ("Registrati", "Logged"), "estimated": ("Stimati", "Estimated"), "difference": ("Differenza", "Difference"),
        "privacy": ("Nessun dato personale: i beneficiari compaiono solo come conteggi.", "No personal data: beneficiaries appear only as counts."),
        "purpose.dialysis": ("Dialisi", "Dialysis"), "purpose.rehabilitation": ("Riabilitazione", "Rehabilitation"), "purpose.therapy": ("Terapie", "Therapy"),
        "purpose.day_centre": ("Centro diurno", "Day centre"), "purpose.visit": ("Visite", "Visits"), "purpose.hospital": ("Ricoveri", "Hospital"),
        "purpose.social": ("Sociale", "Social"), "figure": ("Indicatore", "Figure"), "value": ("Valore", "Value"),
        "shared": ("Giri condivisi accettati (km stimati)", "Accepted shared-ride plans (estimated km)"),
        "sharedNone": ("Nessun giro condiviso accettato nel mese.", "No shared-ride plan accepted in the month."),
        "sharedPlans": ("giornate di associazione pianificate", "association-days planned"),
        "sharedTrips": ("servizi sui giri", "trips on the routes"),
        "sharedKm": ("km pianificati invece di", "km planned instead of"), "sharedAlone": ("da soli", "alone"),
        "sharedSaving": ("risparmio", "saving"),
        "people": ("Beneficiari: ingressi, sospensioni, chiusure (conteggi)", "Beneficiaries: activations, suspensions, closings (counts)"),
        "activations": ("Attivazioni", "Activations"), "suspensions": ("Sospensioni", "Suspensions"), "closings": ("Chiusure", "Closings"),
        "expiring": ("Autorizzazioni in scadenza il mese prossimo", "Authorisations expiring next month"),
        "noTrip60": ("Attivi senza servizi da 60 giorni", "Active without a trip for 60 days"),
    ]

    subscript(key: String) -> String {
        guard let label = Self.table[key] else { return key }
        return english ? label.en : label.it
    }

    /// Every label by key, for the templates (`{{l.title}}`).
    var all: [String: String] { Self.table.mapValues { english ? $0.en : $0.it } }
}
