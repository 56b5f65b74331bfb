import CentraleDispatch
import CentraleDomain
import CentraleFormats

/// The screen's fixed words, in each language: titles, column headers, field labels, the keys
/// lines, the help, the messages that carry no value. One exhaustive `switch` per language (no
/// string keys, no fallback); the messages with values are `ScreenMessage`'s.
public enum ScreenLabel: Message, CaseIterable {
    // The board.
    case columnTime, columnStatus, columnBeneficiary, columnNeeds, columnRoute, columnAssociation, columnPlan
    case noTripsThisDay, noTripsWithFilters, approximatePosition
    // The candidates screen.
    case tripNotFound, rankingCandidates, candidatesHeader, continuityChanges, continuitySame
    // The new-request form.
    case newRequestTitle, peopleFound, home
    case mandatory, dateFormat, timeFormat, timeOrEmpty, repeatGoesWithUntil, weekdaysFormat, unknownCode
    // The nuovo beneficiario form.
    case newPersonTitle, codiceFiscaleLength, wrongCheckCharacter
    // The card.
    case cardLoading, cardStatus, cardAuthorisation, nextTrips, noNextTrips, history, suspendInput, closeInput
    // The associations and the call list.
    case columnToday, columnMonthShare, columnConvention
    case noCallTrips, columnPickup, columnName, columnPhone, columnConfirmation, returnPickups, toAssign, toConfirm
    // The plans screen.
    case noPlans, proposed, accepted, planStale, planning, noProposalHere, noProposal
    // The keys lines.
    case keysForm, keysCard, keysCardInput, keysAssign, keysScroll, keysPlansWithProposals, keysPlans
    // The answers to a question: `s/n`, `y/n`.
    case yesNo
    // Messages.
    case keepWriting, formDropped, nothingChanged, requestDropped, personDropped
    case onlyAssignedNoShow, onlyNoShowUndo, noTripSelected, boardReloaded, cannotCancel, noCandidate
    case correctFields, personNotRegistered, requestRefused, nothingToPlan
    // The help.
    case helpTitle, helpBoard, helpFilters, helpAssignKeys, helpDayKeys, helpCandidates, helpRequest, helpPrompts, helpPeople,
         helpCalls, helpPlans, helpWarnings, helpOthers, helpAudit

    /// The help's paragraphs, in order (the first is its title).
    static let help: [ScreenLabel] = [.helpTitle, .helpBoard, .helpFilters, .helpAssignKeys, .helpDayKeys, .helpCandidates, .helpRequest,
                                      .helpPrompts, .helpPeople, .helpCalls, .helpPlans, .helpWarnings, .helpOthers, .helpAudit]

    public var italian: String {
        switch self {
        case .columnTime: "ORA"
        case .columnStatus: "STATO"
        case .columnBeneficiary: "BENEF."
        case .columnNeeds: "BISOGNI"
        case .columnRoute: "DA → A"
        case .columnAssociation: "ASSOC."
        case .columnPlan: "GIRO"
        case .noTripsThisDay: "Nessun servizio in questo giorno."
        case .noTripsWithFilters: "Nessun servizio con questi filtri."
        case .approximatePosition: "≈ posizione approssimativa (centro del comune, fuori dai controlli km)"
        case .tripNotFound: "Servizio non trovato."
        case .rankingCandidates: "Calcolo delle candidate…"
        case .candidatesHeader: "   ASSOCIAZIONE  PUNTI   KM A VUOTO  QUOTA    CONTINUITÀ"
        case .continuityChanges: "cambia"
        case .continuitySame: "stessa"
        case .newRequestTitle: "Nuova richiesta"
        case .peopleFound: "Trovati (Invio/Tab prende il primo; scrivi di più per restringere):"
        case .home: "casa"
        case .mandatory: "obbligatorio"
        case .dateFormat: "data GG/MM/AAAA o AAAA-MM-GG"
        case .timeFormat: "ora HH:MM"
        case .timeOrEmpty: "ora HH:MM o vuoto"
        case .repeatGoesWithUntil: "Ripeti e Fino al vanno insieme"
        case .weekdaysFormat: "giorni come lun,mer,ven"
        case .unknownCode: "codice sconosciuto"
        case .newPersonTitle: "Nuovo beneficiario (prima chiamata dal PUA)"
        case .codiceFiscaleLength: "16 caratteri"
        case .wrongCheckCharacter: "carattere di controllo sbagliato"
        case .cardLoading: "Scheda in caricamento…"
        case .cardStatus: "Stato: "
        case .cardAuthorisation: "Autorizzazione: "
        case .nextTrips: "Prossimi servizi"
        case .noNextTrips: "  nessuno"
        case .history: "Storia"
        case .suspendInput: "Sospendi (DAL AL MOTIVO): "
        case .closeInput: "Chiudi (ULTIMO-GIORNO MOTIVO [NOTA]): "
        case .columnToday: "OGGI / CAPACITÀ"
        case .columnMonthShare: "QUOTA DEL MESE"
        case .columnConvention: "CONVENZIONE"
        case .noCallTrips: "Nessun servizio da fare in quel giorno."
        case .columnPickup: "SALITA"
        case .columnName: "NOME"
        case .columnPhone: "TELEFONO"
        case .columnConfirmation: "CONFERMA"
        case .returnPickups: " rit."
        case .toAssign: "da assegnare"
        case .toConfirm: "da confermare"
        case .noPlans: "Nessun giro accettato per questo giorno: p li propone."
        case .proposed: "  proposta"
        case .accepted: "  accettato"
        case .planStale: "  da rifare: i servizi assegnati sono cambiati"
        case .planning: "Calcolo dei giri…"
        case .noProposalHere: "Nessuna proposta da accettare qui: p propone i giri del giorno."
        case .noProposal: "Nessuna proposta da accettare: p propone i giri del giorno."
        // The form's keys fit 80 columns ("campo seguente" made it 81).
        case .keysForm: "Tab/↓ seguente  ↑ precedente  Invio sull'ultimo campo: registra  Esc lascia"
        case .keysCard: "z sospendi  h chiudi  altri tasti: quadro"
        case .keysCardInput: "Invio conferma  Esc annulla  Ctrl-U svuota"
        case .keysAssign: "↑↓ scegli  Invio assegna la scelta  1 la prima  Esc indietro"
        case .keysScroll: "↑↓ PagSu PagGiù scorri  altri tasti: quadro"
        case .keysPlansWithProposals: "↑↓ associazione  a accetta questa  A accetta tutte  p ricalcola  Esc quadro"
        case .keysPlans: "↑↓ associazione  p proponi i giri del giorno  Esc quadro"
        case .yesNo: "s/n"
        case .keepWriting: "Si continua a scrivere."
        case .formDropped: "Lasciato perdere: nulla è stato registrato."
        case .nothingChanged: "Lasciato perdere: nulla è cambiato."
        case .requestDropped: "Richiesta lasciata perdere."
        case .personDropped: "Nuovo beneficiario lasciato perdere."
        case .onlyAssignedNoShow: "Solo un servizio assegnato può essere segnato come assente."
        case .onlyNoShowUndo: "Solo un'assenza si può annullare (tasto u)."
        case .noTripSelected: "Nessun servizio selezionato."
        case .boardReloaded: "Quadro ricaricato."
        case .cannotCancel: "Questo servizio non si può annullare."
        case .noCandidate: "Nessuna associazione può prendere questo servizio."
        case .correctFields: "Correggi i campi segnati."
        case .personNotRegistered: "Beneficiario non registrato: vedi i campi segnati."
        case .requestRefused: "Richiesta rifiutata: vedi i campi segnati."
        case .nothingToPlan: "Nessun servizio da pianificare in questo giorno."
        case .helpTitle: "Aiuto"
        case .helpBoard: "Quadro del giorno: ↑↓ (o j k) scegli, PagSu PagGiù, Inizio Fine; ← → (o [ ]) giorno precedente e seguente."
        case .helpFilters: "f filtra per stato, A per associazione, C per comune; / cerca (codice, associazione, comune, luogo)."
        case .helpAssignKeys: "Invio o a: candidate per il servizio; x segna assente (dall'ora del servizio, chiede conferma); "
            + "u annulla un'assenza segnata per errore (solo il giorno stesso, chiede conferma)."
        case .helpDayKeys: "d assegna con il motore tutti i servizi in attesa del giorno; c annulla il servizio (chiede conferma); "
            + "r ricarica il quadro (dopo un \"cambiato nel frattempo\"); q esci."
        case .helpCandidates: "Assegna: ↑↓ scegli l'associazione, Invio assegna la scelta, 1 assegna la prima, Esc torna al quadro."
        case .helpRequest: "n nuova richiesta: Tab tra i campi, gli errori compaiono accanto; il beneficiario si cerca scrivendo cognome, "
            + "nome, telefono, codice fiscale o codice."
        case .helpPrompts: "Nei moduli e nelle righe da scrivere (cerca, sospendi, chiudi): Ctrl-U svuota il campo; il primo carattere "
            + "scritto in un campo precompilato lo sostituisce, poi si aggiunge; Esc chiede conferma se hai scritto qualcosa."
        case .helpPeople: "b nuovo beneficiario (prima chiamata dal PUA); p scheda del beneficiario: z sospendi, h chiudi."
        case .helpCalls: "t chiamate di promemoria per domani: una riga per persona, con l'ora di salita (e del ritorno, dopo rit.), nome e telefono; "
            + "in evidenza chi ha un servizio non ancora confermato dall'associazione o da assegnare."
        case .helpPlans: "s associazioni: carico e quote. g giri condivisi (↑ salita, ↓ discesa): p li propone, "
            + "a accetta quelli dell'associazione scelta, A tutti; sul quadro il mezzo e l'ora di salita accanto all'associazione."
        case .helpWarnings: "! sul quadro: un servizio che un cambio di disponibilità mette a rischio (mezzo fermo, volontario assente, "
            + "nessun equipaggio in turno a quell'ora, conferma ritirata); scegliendolo, sotto il quadro si legge perché. "
            + "La capacità del giorno (s) viene dai turni dei volontari dove l'associazione li registra."
        case .helpOthers: "Le modifiche fatte da altri (CLI, altre postazioni) compaiono entro un paio di secondi; una modifica su un "
            + "servizio cambiato nel frattempo è rifiutata con un messaggio, mai sovrascritta."
        case .helpAudit: "Ogni modifica resta nello storico delle modifiche, con il nome dell'operatore."
        }
    }

    public var english: String {
        switch self {
        case .columnTime: "TIME"
        case .columnStatus: "STATUS"
        case .columnBeneficiary: "BENEF."
        case .columnNeeds: "NEEDS"
        case .columnRoute: "FROM → TO"
        case .columnAssociation: "ASSOC."
        case .columnPlan: "RIDE"
        case .noTripsThisDay: "No trips on this day."
        case .noTripsWithFilters: "No trips with these filters."
        case .approximatePosition: "≈ approximate position (the comune's centre, outside the km checks)"
        case .tripNotFound: "Trip not found."
        case .rankingCandidates: "Ranking the candidates…"
        case .candidatesHeader: "   ASSOCIATION   SCORE   EMPTY KM  SHARE    CONTINUITY"
        case .continuityChanges: "changes"
        case .continuitySame: "same"
        case .newRequestTitle: "New request"
        case .peopleFound: "Found (Enter/Tab takes the first; type more to narrow down):"
        case .home: "home"
        case .mandatory: "required"
        case .dateFormat: "date DD/MM/YYYY or YYYY-MM-DD"
        case .timeFormat: "time HH:MM"
        case .timeOrEmpty: "time HH:MM or empty"
        case .repeatGoesWithUntil: "Repeat and Until go together"
        case .weekdaysFormat: "days like mon,wed,fri"
        case .unknownCode: "unknown code"
        case .newPersonTitle: "New beneficiary (first call from the PUA)"
        case .codiceFiscaleLength: "16 characters"
        case .wrongCheckCharacter: "wrong check character"
        case .cardLoading: "Loading the card…"
        case .cardStatus: "Status: "
        case .cardAuthorisation: "Authorisation: "
        case .nextTrips: "Next trips"
        case .noNextTrips: "  none"
        case .history: "History"
        case .suspendInput: "Suspend (FROM TO REASON): "
        case .closeInput: "Close (LAST-DAY REASON [NOTE]): "
        case .columnToday: "TODAY / CAPACITY"
        case .columnMonthShare: "MONTH'S SHARE"
        case .columnConvention: "CONVENTION"
        case .noCallTrips: "No trips to do on that day."
        case .columnPickup: "PICKUP"
        case .columnName: "NAME"
        case .columnPhone: "PHONE"
        case .columnConfirmation: "CONFIRMED"
        case .returnPickups: " ret."
        case .toAssign: "to assign"
        case .toConfirm: "to confirm"
        case .noPlans: "No accepted rides for this day: p proposes them."
        case .proposed: "  proposed"
        case .accepted: "  accepted"
        case .planStale: "  to redo: the assigned trips changed"
        case .planning: "Planning the rides…"
        case .noProposalHere: "No proposal to accept here: p proposes the day's rides."
        case .noProposal: "No proposal to accept: p proposes the day's rides."
        case .keysForm: "Tab/↓ next field  ↑ previous  Enter on the last field: register  Esc leave"
        case .keysCard: "z suspend  h close  other keys: board"
        case .keysCardInput: "Enter confirm  Esc cancel  Ctrl-U clear"
        case .keysAssign: "↑↓ choose  Enter assign the choice  1 the first  Esc back"
        case .keysScroll: "↑↓ PgUp PgDn scroll  other keys: board"
        case .keysPlansWithProposals: "↑↓ association  a accept this one  A accept all  p plan again  Esc board"
        case .keysPlans: "↑↓ association  p propose the day's rides  Esc board"
        case .yesNo: "y/n"
        case .keepWriting: "Back to the form."
        case .formDropped: "Dropped: nothing was recorded."
        case .nothingChanged: "Dropped: nothing changed."
        case .requestDropped: "Request dropped."
        case .personDropped: "New beneficiary dropped."
        case .onlyAssignedNoShow: "Only an assigned trip can be marked as a no-show."
        case .onlyNoShowUndo: "Only a no-show can be taken back (key u)."
        case .noTripSelected: "No trip selected."
        case .boardReloaded: "Board reloaded."
        case .cannotCancel: "This trip cannot be cancelled."
        case .noCandidate: "No association can take this trip."
        case .correctFields: "Correct the fields marked."
        case .personNotRegistered: "Beneficiary not registered: see the fields marked."
        case .requestRefused: "Request refused: see the fields marked."
        case .nothingToPlan: "No trips to plan on this day."
        case .helpTitle: "Help"
        case .helpBoard: "Day board: ↑↓ (or j k) choose, PgUp PgDn, Home End; ← → (or [ ]) previous and next day."
        case .helpFilters: "f filters by status, A by association, C by comune; / searches (code, association, comune, place)."
        case .helpAssignKeys: "Enter or a: candidates for the trip; x marks a no-show (from the trip's time, asks to confirm); "
            + "u takes back a no-show marked by mistake (the same day only, asks to confirm)."
        case .helpDayKeys: "d assigns all the day's pending trips with the engine; c cancels the trip (asks to confirm); "
            + "r reloads the board (after a \"changed meanwhile\"); q quits."
        case .helpCandidates: "Assign: ↑↓ choose the association, Enter assigns the choice, 1 assigns the first, Esc goes back to the board."
        case .helpRequest: "n new request: Tab between the fields, errors show beside them; the beneficiary is found by typing surname, "
            + "name, phone, tax code or code."
        case .helpPrompts: "In the forms and the input lines (search, suspend, close): Ctrl-U clears the field; the first character "
            + "typed into a prefilled field replaces it, then typing appends; Esc asks to confirm if you wrote something."
        case .helpPeople: "b new beneficiary (first call from the PUA); p the beneficiary's card: z suspend, h close."
        case .helpCalls: "t reminder calls for tomorrow: one line per person, with the pickup time (and the return's, after ret.), name and phone; "
            + "highlighted, whoever has a trip not yet confirmed by the association or still to assign."
        case .helpPlans: "s associations: load and shares. g shared rides (↑ pickup, ↓ drop-off): p proposes them, "
            + "a accepts the chosen association's, A all of them; on the board, the vehicle and the pickup time beside the association."
        case .helpWarnings: "! on the board: a trip that a change of availability puts at risk (vehicle off the road, volunteer absent, "
            + "no crew on duty at that time, confirmation withdrawn); choosing it, the reason shows under the board. "
            + "The day's capacity (s) comes from the volunteers' shifts where the association records them."
        case .helpOthers: "Changes made by others (CLI, other workstations) appear within a couple of seconds; a change to a "
            + "trip changed meanwhile is refused with a message, never overwritten."
        case .helpAudit: "Every change goes through the audit log with the operator's name."
        }
    }
}
