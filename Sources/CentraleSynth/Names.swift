/// Invented personal data for synthetic beneficiaries (never real people).
enum Names {
    static let given = ["Anna", "Giuseppe", "Maria", "Giovanni", "Rosa", "Antonio", "Giuliana", "Mario", "Franca", "Luigi",
                        "Carla", "Bruno", "Lucia", "Sergio", "Piera", "Renzo", "Silvana", "Franco", "Ivana", "Piero",
                        "Loretta", "Mauro", "Graziella", "Alberto", "Marisa", "Gino", "Tiziana", "Marcello", "Vanna", "Elio"]
    static let family = ["Rossi", "Bianchi", "Bartolini", "Innocenti", "Cecchi", "Mugnai", "Fantini", "Bini", "Paoli", "Lotti",
                         "Landi", "Nesi", "Pecchioli", "Tarchiani", "Baldini", "Gori", "Mazzoni", "Papini", "Cappelli", "Becattini",
                         "Frosini", "Pieri", "Bacci", "Giannini", "Vannini", "Sarti", "Calamai", "Bruschi", "Cantini", "Fabbri"]
    static let streets = ["Via Roma", "Via Garibaldi", "Via Mazzini", "Via Gramsci", "Via Matteotti", "Via della Repubblica",
                          "Via Verdi", "Via Puccini", "Via dei Mille", "Via Leopardi", "Viale Togliatti", "Via Pistoiese",
                          "Via Baracca", "Via di Le Prata", "Via Fiorentina", "Via del Ponte", "Via San Lorenzo", "Via Vittorio Veneto"]
}
