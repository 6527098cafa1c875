import Foundation

/// Left-aligned columns separated by two spaces: the plain tables of `runs`, `presets` and the
/// sweep's text report.
public struct TextTable: Sendable {
    public let rows: [[String]]

    public init(rows: [[String]]) { self.rows = rows }

    public var rendered: String {
        let widths = rows.reduce(into: [Int]()) { widths, row in
            for (index, cell) in row.enumerated() {
                if index >= widths.count { widths.append(0) }
                widths[index] = max(widths[index], cell.count)
            }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
