/// Why a file given to a command could not be read, as a person can act on it: the words of
/// the edges that read files (the command line's `log submit`, `beneficiary import`, `volunteer
/// import`…), instead of the operating system's English.
public enum UnreadableFile: Error, Message, Hashable {
    /// Nothing at the path.
    case missing
    /// The path is a folder.
    case folder
    /// The file exists but may not be read.
    case permission
    /// Reading it failed (a disk or network error).
    case failed

    /// What is wrong and what to do, in Italian: `file inesistente; controlla il percorso`.
    public var italian: String {
        switch self {
        case .missing: "file inesistente; controlla il percorso (e la cartella di lavoro, per un percorso relativo)"
        case .folder: "è una cartella, non un file; indica il file che contiene"
        case .permission: "manca il permesso di leggerlo; controlla i permessi del file, o copialo in una cartella tua"
        case .failed: "errore di lettura del disco; riprova, o copia il file in un'altra cartella"
        }
    }

    /// The same in English: `no such file; check the path`.
    public var english: String {
        switch self {
        case .missing: "no such file; check the path (and the working folder, for a relative path)"
        case .folder: "it is a folder, not a file; give the file in it"
        case .permission: "no permission to read it; check the file's permissions, or copy it to a folder of yours"
        case .failed: "a read error on the disk; try again, or copy the file to another folder"
        }
    }
}
