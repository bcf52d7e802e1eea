from app.ui.text import esc, plain, rich


def test_native_and_imported_text_render_the_same() -> None:
    assert rich("R&R <b>bold</b> 5 < 6") == "R&amp;R <b>bold</b> 5 &lt; 6"
    assert rich("R&amp;R <b>bold</b> 5 &lt; 6") == "R&amp;R <b>bold</b> 5 &lt; 6"
    assert rich("<script>x</script>") == "&lt;script&gt;x&lt;/script&gt;"
    assert rich("a\n\nb") == "a<br><br>b"
    assert plain("R&amp;R <b>bold</b>") == "R&R bold"
    assert esc("a &lt;html&gt; tag") == "a &lt;html&gt; tag"


def test_typed_names_keep_every_character() -> None:
    from app.ui.text import literal

    assert literal("Bo <3 cars> & co") == "Bo &lt;3 cars&gt; &amp; co"
