import KinerjaCore
import Testing

struct HierarchyTests {
    // a ← b ← c, and d on its own.
    let parents = ["b": "a", "c": "b"]

    @Test func moving_under_a_descendant_or_itself_is_a_cycle() {
        #expect(Hierarchy.wouldCycle(node: "a", parent: "c", parentOf: parents))
        #expect(Hierarchy.wouldCycle(node: "b", parent: "b", parentOf: parents))
    }

    @Test func moving_elsewhere_is_not() {
        #expect(!Hierarchy.wouldCycle(node: "c", parent: "a", parentOf: parents))
        #expect(!Hierarchy.wouldCycle(node: "b", parent: "d", parentOf: parents))
        #expect(!Hierarchy.wouldCycle(node: "b", parent: nil, parentOf: parents))
    }

    @Test func an_existing_loop_in_the_data_does_not_hang() {
        #expect(Hierarchy.wouldCycle(node: "x", parent: "p", parentOf: ["p": "q", "q": "p"]))
    }
}
