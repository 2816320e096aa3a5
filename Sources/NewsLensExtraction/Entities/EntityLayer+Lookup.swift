/// Lookups the attribution stage needs: which mention (and so which participant) covers given tokens.
extension EntityLayer {
    /// Index into `mentions` of the mention at `location` that overlaps tokens `tokens`, preferring the
    /// longest; nil when none does.
    public func mention(at location: TextLocation, tokens: Range<Int>) -> Int? {
        // mentions are sorted by location then start: binary search for the first at this location
        var lo = 0, hi = mentions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if mentions[mid].location < location { lo = mid + 1 } else { hi = mid }
        }
        var best: Int?
        var i = lo
        while i < mentions.count, mentions[i].location == location {
            let m = mentions[i]
            if Int(m.tokenStart) < tokens.upperBound && tokens.lowerBound < Int(m.tokenEnd) {
                if best == nil || m.tokenEnd - m.tokenStart > mentions[best!].tokenEnd - mentions[best!].tokenStart { best = i }
            }
            i += 1
        }
        return best
    }

    /// Index into `participants` of the participant named at those tokens, if any.
    public func participant(at location: TextLocation, tokens: Range<Int>) -> Int? {
        mention(at: location, tokens: tokens).map { mentions[$0].participant }
    }
}
