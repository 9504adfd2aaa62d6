/// Joins the pieces of a finding message.
///
/// Messages are written as several literals for line length; joining them through a variadic call keeps the
/// type checker linear, where a long chain of `+` over interpolated literals can take minutes to check.
func sentence(_ parts: String...) -> String {
    parts.joined()
}
