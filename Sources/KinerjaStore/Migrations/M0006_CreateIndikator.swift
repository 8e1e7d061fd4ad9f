import FluentKit

struct M0006_CreateIndikator: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("indikator")
            .id()
            .field("pemda_id", .uuid, .required, .references("pemda", "id", onDelete: .cascade))
            .field("owner_kind", .string, .required)
            .field("owner_id", .uuid, .required)
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("satuan", .string, .required)
            .field("kind", .string, .required)
            .field("polarity", .string, .required)
            .field("negative_formula", .string, .required)
            .field("aggregation", .string, .required)
            .field("entry_mode", .string, .required)
            .field("ordinal_levels", .string, .required)
            .field("ordinal_rule", .string, .required)
            .field("weight", .string, .required)
            .field("tags", .string, .required)
            .field("definition", .string, .required)
            .field("measurement", .string, .required)
            .field("data_source", .string, .required)
            .field("responsible", .string, .required)
            .field("rationale", .string, .required)
            .field("baseline_value", .string)
            .field("baseline_year", .int)
            .field("sort_order", .int, .required)
            .create()
        try await database.schema("indikator_target")
            .id()
            .field("pemda_id", .uuid, .required, .references("pemda", "id", onDelete: .cascade))
            .field("indikator_id", .uuid, .required, .references("indikator", "id", onDelete: .cascade))
            .field("year", .int, .required)
            .field("period", .int, .required)
            .field("value", .string, .required)
            .unique(on: "indikator_id", "year", "period")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("indikator_target").delete()
        try await database.schema("indikator").delete()
    }
}
