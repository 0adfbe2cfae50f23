using System.IO.Compression;
using System.Text;
using Parley.Intake;
using Parley.Pipeline;
using Xunit;

namespace Parley.Tests.Intake;

public class DecodingTests
{
    static DecodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Russian = "Министр иностранных дел России Сергей Лавров встретился в пятницу в Женеве с госсекретарём США.\n\nСтороны договорились продолжить диалог по широкому кругу вопросов.";

    private static readonly DocumentPipeline Pipeline = ParleyPipelines.CreateDefault();

    private static Parley.Documents.NewsDocument Read(byte[] bytes) => Pipeline.Process(new DocumentInput("test", bytes));

    [Theory]
    [InlineData("windows-1251")]
    [InlineData("koi8-r")]
    public void Russian_single_byte_encodings_are_detected(string encoding)
    {
        var doc = Read(Encoding.GetEncoding(encoding).GetBytes(Russian));
        Assert.Equal(encoding, doc.Metadata.Encoding);
        Assert.Contains("Сергей Лавров встретился в пятницу", doc.Text);
        Assert.Equal("ru", doc.Metadata.Language);
    }

    [Theory]
    [InlineData("windows-1251")]
    [InlineData("koi8-r")]
    public void Short_russian_lines_are_decoded_too(string encoding)
    {
        var doc = Read(Encoding.GetEncoding(encoding).GetBytes("Похожие статьи о переговорах в Женеве"));
        Assert.Equal("Похожие статьи о переговорах в Женеве", doc.Text);
    }

    [Fact]
    public void Utf8_with_and_without_bom_and_utf16_are_read()
    {
        const string text = "Lavrov met Clinton — «reset».";
        Assert.Equal(text, Read(Encoding.UTF8.GetBytes(text)).Text);
        Assert.Equal(text, Read([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]).Text);
        Assert.Equal(text, Read([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]).Text);
        Assert.Equal(text, Read(Encoding.Unicode.GetBytes(text)).Text);
        Assert.Equal(text, Read(Encoding.BigEndianUnicode.GetBytes(text)).Text);
    }

    [Fact]
    public void Western_single_byte_text_is_read()
    {
        var doc = Read(Encoding.GetEncoding("windows-1252").GetBytes("The café in Zürich hosted the talks on Friday, officials said."));
        Assert.Contains("café in Zürich", doc.Text);
    }

    [Fact]
    public void Empty_input_gets_a_clear_error()
    {
        Assert.Equal(ErrorCode.EmptyInput, Assert.Throws<ParleyException>(() => Read([])).Code);
        Assert.Equal(ErrorCode.EmptyInput, Assert.Throws<ParleyException>(() => Read(" \n\t\r\n "u8.ToArray())).Code);
        Assert.Equal(ErrorCode.EmptyInput, Assert.Throws<ParleyException>(() => Read([0xEF, 0xBB, 0xBF])).Code);
    }

    [Fact]
    public void Only_control_characters_is_empty()
    {
        byte[] bytes = [.. Enumerable.Repeat((byte)' ', 100), 0x07, (byte)'\n', 0x08];
        Assert.Equal(ErrorCode.EmptyInput, Assert.Throws<ParleyException>(() => Read(bytes)).Code);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 }, "PNG")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34 }, "PDF")]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0 }, "ELF")]
    [InlineData(new byte[] { 0x41, 0x42, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x00, 0x43 }, "NUL")]
    public void Binary_input_gets_a_clear_error(byte[] bytes, string what)
    {
        var e = Assert.Throws<ParleyException>(() => Read(bytes));
        Assert.Equal(ErrorCode.BinaryInput, e.Code);
        Assert.True(e.Message.Contains(what) || what == "NUL" && e.Message.Contains("NUL"), e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }

    [Fact]
    public void Random_bytes_are_refused_or_decoded_never_a_crash()
    {
        var random = new Random(42);
        for (int i = 0; i < 20; i++)
        {
            var bytes = new byte[random.Next(1, 5000)];
            random.NextBytes(bytes);
            try
            {
                Read(bytes);
            }
            catch (ParleyException)
            {
                // A catalogued error is a fine answer to noise.
            }
        }
    }

    [Fact]
    public void Input_over_the_limit_is_refused_before_reading_it_all()
    {
        var pipeline = ParleyPipelines.CreateDefault(new IntakeOptions { MaxInputBytes = 1000 });
        var e = Assert.Throws<ParleyException>(() => pipeline.Process(DocumentInput.FromText("big.txt", new string('a', 2000))));
        Assert.Equal(ErrorCode.InputTooLarge, e.Code);
    }

    [Fact]
    public void A_gzip_bomb_is_stopped_at_the_limit()
    {
        var compressed = new MemoryStream();
        using (var gz = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            Array.Fill(zeros, (byte)'a');
            for (int i = 0; i < 20; i++)
            {
                gz.Write(zeros);
            }
        }

        var pipeline = ParleyPipelines.CreateDefault(new IntakeOptions { MaxInputBytes = 5 << 20 });
        var e = Assert.Throws<ParleyException>(() => pipeline.Process(new DocumentInput("bomb.gz", compressed.ToArray())));
        Assert.Equal(ErrorCode.InputTooLarge, e.Code);
    }

    [Fact]
    public void Gzipped_text_is_read_by_content()
    {
        var compressed = new MemoryStream();
        using (var gz = new GZipStream(compressed, CompressionMode.Compress, leaveOpen: true))
        {
            gz.Write("Talks\n\nThe ministers met on Friday."u8);
        }

        var doc = Read(compressed.ToArray());
        Assert.Equal("Talks", doc.Metadata.Title);
    }

    [Fact]
    public void Corrupt_gzip_gets_a_clear_error()
    {
        var e = Assert.Throws<ParleyException>(() => Read([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7]));
        Assert.Equal(ErrorCode.MalformedInput, e.Code);
    }

    [Fact]
    public void A_large_text_is_read_in_bounded_time()
    {
        // 8 MB of glued sentences and camel case: every repair runs in linear time.
        var sb = new StringBuilder("Big report\n\n");
        while (sb.Length < 8_000_000)
        {
            sb.Append("The ministers met in GenevaThe talks went on.Clinton called them \\productive\\ and â€œgoodâ€. ");
        }

        var doc = Read(Encoding.UTF8.GetBytes(sb.ToString()));
        Assert.True(doc.Text.Length > 7_000_000);
    }

    [Fact]
    public void A_megabyte_line_without_punctuation_is_read()
    {
        var doc = Read(Encoding.UTF8.GetBytes(string.Join(' ', Enumerable.Repeat("word", 250_000))));
        Assert.Equal(250_000, doc.Tokens.Count);
    }
}
