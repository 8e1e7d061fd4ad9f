extension PredikatScale {
    /// The five-level scale attributed to Permendagri 86/2017 (evaluation of Renja/RKPD results).
    public static let permendagri86 = try! PredikatScale(
        id: "permendagri86-5",
        name: Message(id: "5 tingkat (Permendagri 86/2017)", en: "5 levels (Permendagri 86/2017)"),
        bands: [
            PredikatBand(from: FixedDecimal(91), label: Message(id: "Sangat Tinggi", en: "Very high"), tone: .excellent),
            PredikatBand(from: FixedDecimal(76), label: Message(id: "Tinggi", en: "High"), tone: .good),
            PredikatBand(from: FixedDecimal(66), label: Message(id: "Sedang", en: "Medium"), tone: .fair),
            PredikatBand(from: FixedDecimal(51), label: Message(id: "Rendah", en: "Low"), tone: .poor),
            PredikatBand(from: nil, label: Message(id: "Sangat Rendah", en: "Very low"), tone: .bad),
        ])

    /// The same intervals with the labels LKjIP documents use (Sangat Baik … Sangat Kurang).
    public static let lkjip5 = try! PredikatScale(
        id: "lkjip-5",
        name: Message(id: "5 tingkat (gaya LKjIP)", en: "5 levels (LKjIP wording)"),
        bands: [
            PredikatBand(from: FixedDecimal(91), label: Message(id: "Sangat Baik", en: "Very good"), tone: .excellent),
            PredikatBand(from: FixedDecimal(76), label: Message(id: "Baik", en: "Good"), tone: .good),
            PredikatBand(from: FixedDecimal(66), label: Message(id: "Cukup", en: "Fair"), tone: .fair),
            PredikatBand(from: FixedDecimal(51), label: Message(id: "Kurang", en: "Poor"), tone: .poor),
            PredikatBand(from: nil, label: Message(id: "Sangat Kurang", en: "Very poor"), tone: .bad),
        ])

    /// The six-level scale of some Pemda (LKjIP Maluku Tengah 2021): lower bounds are exclusive.
    public static let sixLevel = try! PredikatScale(
        id: "enam-tingkat",
        name: Message(id: "6 tingkat", en: "6 levels"),
        bands: [
            PredikatBand(from: FixedDecimal(85), inclusive: false, label: Message(id: "Memuaskan", en: "Satisfactory"), tone: .excellent),
            PredikatBand(from: FixedDecimal(75), inclusive: false, label: Message(id: "Sangat Baik", en: "Very good"), tone: .good),
            PredikatBand(from: FixedDecimal(65), inclusive: false, label: Message(id: "Baik", en: "Good"), tone: .good),
            PredikatBand(from: FixedDecimal(50), inclusive: false, label: Message(id: "Cukup Baik", en: "Fairly good"), tone: .fair),
            PredikatBand(from: FixedDecimal(30), inclusive: false, label: Message(id: "Agak Kurang", en: "Rather poor"), tone: .poor),
            PredikatBand(from: nil, label: Message(id: "Kurang", en: "Poor"), tone: .bad),
        ])

    /// Traffic light for dashboards, on the five-level scale's cut points.
    public static let trafficLight = try! PredikatScale(
        id: "lampu-lalu-lintas",
        name: Message(id: "Lampu lalu lintas", en: "Traffic light"),
        bands: [
            PredikatBand(from: FixedDecimal(91), label: Message(id: "Hijau: sesuai target", en: "Green: on target"), tone: .good),
            PredikatBand(from: FixedDecimal(76), label: Message(id: "Kuning: perlu perhatian", en: "Yellow: needs attention"), tone: .fair),
            PredikatBand(from: nil, label: Message(id: "Merah: perlu tindakan", en: "Red: needs action"), tone: .bad),
        ])

    public static let builtin: [PredikatScale] = [.permendagri86, .lkjip5, .sixLevel, .trafficLight]
}
