import KinerjaCore
@testable import KinerjaStore
import Testing

@Suite struct DemoPeopleTests {
    /// A NIP is unique in the country: the national demo's Pemda draw theirs from disjoint parts of the NIP space.
    @Test func generated_pemda_and_kota_contoh_never_share_a_nip() {
        func nips(serial: Int?) -> Set<String> {
            // The same seed for all: without the serial and the TMT months they would draw the same NIPs.
            var people = DemoPeople(seed: 7, serial: serial)
            return Set((0..<400).map { people.person(level: [.jpt, .administrator, .pengawas][$0 % 3]).nip.digits })
        }
        let kota = nips(serial: nil), first = nips(serial: 1), second = nips(serial: 2), last = nips(serial: 545)
        #expect(kota.count == 400 && first.count == 400 && second.count == 400 && last.count == 400)
        #expect(kota.isDisjoint(with: first) && kota.isDisjoint(with: last) && first.isDisjoint(with: second)
            && first.isDisjoint(with: last))
        #expect(first.allSatisfy { $0.hasSuffix("001") } && last.allSatisfy { $0.hasSuffix("545") })
        // Every one is a valid NIP.
        #expect(first.union(kota).allSatisfy { (try? Nip($0)) != nil })
    }
}
