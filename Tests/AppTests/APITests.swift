import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Testing
import VaporTesting
@testable import App

@Suite(.serialized)
struct APITests {
    struct Listing<T: Decodable>: Decodable { var data: [T] }

    @Test func the_api_serves_the_same_data_as_json() async throws {
        try await withDemoApp { app in
            let tester = try app.testing()
            try await tester.test(.GET, "/api/v1/pemda") { res in
                #expect(res.status == .ok)
                let list = try JSONDecoder().decode(Listing<PemdaSummary>.self, from: res.data)
                #expect(list.data.map(\.code) == ["99.71"])
                #expect(list.data[0].perangkatDaerahCount >= 35)
            }
            try await tester.test(.GET, "/api/v1/pemda/99.71") { res in
                let detail = try JSONDecoder().decode(PemdaDetail.self, from: res.data)
                #expect(detail.kepalaDaerah?.nip == nil)
                #expect(detail.rpjmd?.startYear == 2025)
            }
            try await tester.test(.GET, "/api/v1/pemda/99.71/rpjmd") { res in
                let tree = try JSONDecoder().decode(RpjmdTree.self, from: res.data)
                let iku = tree.misi.flatMap(\.tujuan).flatMap(\.sasaran).flatMap(\.indikator)
                let stunting = try #require(iku.first { $0.name == "Prevalensi balita stunting" })
                #expect(stunting.polarity == .negative)
                #expect(stunting.targets.first { $0.year == 2026 }?.value == "14")
            }
            try await tester.test(.GET, "/api/v1/pemda/99.71/jabatan?tanggal=2026-11-23") { res in
                let rows = try JSONDecoder().decode(Listing<JabatanRow>.self, from: res.data).data
                #expect(rows.first?.level == .kepalaDaerah)
                #expect(rows.flatMap(\.holders).contains { $0.kind == .plt })
            }
            try await tester.test(.GET, "/api/v1/pemda/99.71/unit") { res in
                let rows = try JSONDecoder().decode(Listing<UnitRow>.self, from: res.data).data
                let opd = try #require(rows.first { $0.name == "Dinas Kesehatan" })
                // The flag the portal's links (and the contract check) pick a unit by.
                #expect(opd.hasRenstra)
                #expect(rows.contains { !$0.hasRenstra })
                try await tester.test(.GET, "/api/v1/pemda/99.71/renstra/\(opd.id.uuidString)") { res in
                    let renstra = try JSONDecoder().decode(RenstraTree.self, from: res.data)
                    #expect(renstra.programs.first?.code == "1.02.01")
                    #expect(renstra.programs.allSatisfy { !$0.pagu.isEmpty })
                    // A program's pagu is the sum of its kegiatan's.
                    for program in renstra.programs {
                        let sum = program.children.flatMap(\.pagu).filter { $0.year == 2026 }.reduce(Int64(0)) { $0 + $1.amount }
                        #expect(program.pagu.first { $0.year == 2026 }?.amount == sum)
                    }
                }
            }
            try await tester.test(.GET, "/api/v1/pemda/00.00") { res in
                #expect(res.status == .notFound)
                #expect(res.text.contains("\"error\":true"))
            }
        }
    }

    @Test func every_api_route_is_described_in_openapi_yaml_and_the_spec_is_served() async throws {
        try await withDemoApp { app in
            let spec = StaticAssets.openAPIText
            #expect(spec.hasPrefix("openapi: 3.1.0"))
            let routes = app.routes.all.filter { $0.path.first?.description == "api" && $0.path.count > 2 }
            #expect(routes.count == 11)
            for route in routes {
                let path = "/" + route.path.dropFirst(2).map { component in
                    switch component {
                    case .parameter(let name): "{\(name)}"
                    default: component.description
                    }
                }.joined(separator: "/")
                #expect(spec.contains("\n  \(path):\n"), "openapi.yaml lacks \(path)")
            }
            try await app.testing().test(.GET, "/api/openapi.yaml") { res in
                #expect(res.status == .ok)
                #expect(res.text == spec)
            }
        }
    }
}
