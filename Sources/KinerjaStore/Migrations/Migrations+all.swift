import FluentKit

/// Every migration, in the order they run. Append only: a released migration never changes.
public enum KinerjaMigrations {
    /// - Parameter dataDirectory: the data folder, for migrations that move secrets out of the database into it.
    public static func all(dataDirectory: String?) -> [any Migration] { [
        M0001_CreatePemda(),
        M0002_CreateNomenklatur(),
        M0003_CreateOrganisation(),
        M0004_CreateRpjmd(),
        M0005_CreateRenstra(),
        M0006_CreateIndikator(),
        M0007_CreateRkt(),
        M0008_CreateIndexes(),
        M0009_CreateUsers(),
        M0010_CreateAudit(),
        M0011_CreateJadwal(),
        M0012_CreateUserTotp(),
        M0013_CreatePk(),
        M0014_CreateWebSession(),
        M0015_AddPemdaZoneAndVersion(),
        M0016_BindAccountsToPegawai(),
        M0017_SealKeysOutOfDatabase(dataDirectory: dataDirectory),
        M0018_CreateLoginThrottle(),
        M0019_RestrictPkDeletes(),
        M0020_SequencePkEvents(),
        M0021_TrackDataRevision(),
        M0022_CreateRealisasi(),
        M0023_CreateRealisasiAnggaran(),
        M0024_CreateCapaianBobot(),
        M0025_CreatePenilaianPimpinan(),
        M0026_AddMonthlyReporting(),
        M0027_IndexDpaByPemda(),
        M0028_IndexPkIndikatorByPemda(),
    ] }
}
