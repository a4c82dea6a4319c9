/// A binary min-heap of node indices ordered by a precomputed rank (smaller rank pops first).
struct RankHeap {
    private var items: [Int] = []
    private let rank: [Int]

    init(rank: [Int]) { self.rank = rank }

    mutating func push(_ item: Int) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            if rank[items[parent]] <= rank[items[child]] { break }
            items.swapAt(parent, child)
            child = parent
        }
    }

    mutating func pop() -> Int? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < items.count, rank[items[left]] < rank[items[smallest]] { smallest = left }
                if right < items.count, rank[items[right]] < rank[items[smallest]] { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return top
    }
}
