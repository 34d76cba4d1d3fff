using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace RelanceBot.Tests.Teams.Package;

/// <summary>
/// A PNG read from its bytes (PNG specification, chunks IHDR and IDAT): its size and colour type from the header, and,
/// for 8-bit RGBA without interlacing, its pixels.
/// </summary>
public sealed record PngImage(int Width, int Height, byte BitDepth, byte ColorType, byte Interlace, byte[] Data)
{
    public const byte Rgba = 6;

    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static PngImage Read(byte[] png)
    {
        png.AsSpan(0, 8).SequenceEqual(Signature).ShouldBeTrue("not a PNG signature");
        Encoding.ASCII.GetString(png, 12, 4).ShouldBe("IHDR", "a PNG starts with its header chunk");
        var idat = new MemoryStream();
        for (var offset = 8; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            if (Encoding.ASCII.GetString(png, offset + 4, 4) == "IDAT")
            {
                idat.Write(png, offset + 8, length);
            }

            offset += 12 + length; // length, type, data, CRC
        }

        return new PngImage(
            BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)),
            png[24], png[25], png[28], idat.ToArray());
    }

    /// <summary>Every pixel as (R, G, B, A): the IDAT stream inflated and each scanline's filter undone.</summary>
    public IReadOnlyList<(byte R, byte G, byte B, byte A)> RgbaPixels()
    {
        (BitDepth, ColorType, Interlace).ShouldBe(((byte)8, Rgba, (byte)0), "only 8-bit RGBA without interlacing is decoded here");
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(Data), CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        var stride = Width * 4;
        var pixels = new byte[Height * stride];
        for (var y = 0; y < Height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                var value = raw[(y * (stride + 1)) + 1 + x];
                var left = x >= 4 ? pixels[(y * stride) + x - 4] : 0;
                var up = y > 0 ? pixels[((y - 1) * stride) + x] : 0;
                var upLeft = x >= 4 && y > 0 ? pixels[((y - 1) * stride) + x - 4] : 0;
                pixels[(y * stride) + x] = (byte)(value + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"PNG filter {filter}"),
                });
            }
        }

        return [.. Enumerable.Range(0, Width * Height).Select(i => (pixels[i * 4], pixels[(i * 4) + 1], pixels[(i * 4) + 2], pixels[(i * 4) + 3]))];
    }

    private static int Paeth(int left, int up, int upLeft)
    {
        var estimate = left + up - upLeft;
        var (toLeft, toUp, toUpLeft) = (Math.Abs(estimate - left), Math.Abs(estimate - up), Math.Abs(estimate - upLeft));
        return toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
    }
}
