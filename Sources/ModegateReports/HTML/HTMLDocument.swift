/// The frame both self-contained pages share (the verdict's report and the sweep's): one file with
/// its style and script inline, nothing fetched, so it opens from `file://` with no network.
struct HTMLDocument {
    var title: String
    var toolVersion: String
    var style: String
    /// The sections inside `<main>`.
    var body: [String]
    /// What follows `<main>` before the script: a dialog, the embedded data.
    var afterMain: [String] = []
    var script: String

    func rendered() -> String {
        let trailer = afterMain.map { $0 + "\n" }.joined()
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="modegate \(HTMLEscaping.escape(toolVersion))">
            <title>\(HTMLEscaping.escape(title))</title>
            <style>
            \(style)</style>
            </head>
            <body>
            <main>
            \(body.joined(separator: "\n"))
            </main>
            \(trailer)<script>
            \(script)</script>
            </body>
            </html>

            """
    }
}
