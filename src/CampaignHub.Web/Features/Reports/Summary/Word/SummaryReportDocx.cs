using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SkiaSharp;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace CampaignHub.Web.Features.Reports.Summary.Word;

/// <summary>
/// The report document as a Word file, for associations that circulate and edit their summaries in Word: the
/// same headings, paragraphs, tables and charts (as pictures) as the HTML document, in real Word styles the user
/// can change (Title, Heading 1 and 2, Normal, a table style), with font names Chinese Word knows (宋体 for the
/// text, 黑体 for headings, Times New Roman for Latin), an A4 page with Word's usual margins and page numbers in
/// the footer. Every text is written as text: no user character becomes markup or a field.
/// </summary>
public static class SummaryReportDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public const string BodyFont = "宋体";
    public const string HeadingFont = "黑体";
    public const string LatinFont = "Times New Roman";
    public const string TableStyle = "ReportTable";

    /// <summary>A4 in twentieths of a point, and Word's default margins for it (2.54 cm, 3.17 cm).</summary>
    private const uint PageWidth = 11906, PageHeight = 16838;
    private const int MarginTopBottom = 1440;
    private const uint MarginLeftRight = 1800;

    /// <summary>The text width: 15.9 cm, in EMU (360000 per cm).</summary>
    private const long TextWidthEmu = 5_724_000;

    public static byte[] Write(SummaryReport report, ReportTexts texts)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main, texts);
            var writer = new Writer(main, texts);
            writer.Write(report);
            var footer = AddFooter(main, texts);
            writer.Body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin
                {
                    Top = MarginTopBottom, Bottom = MarginTopBottom, Left = MarginLeftRight, Right = MarginLeftRight,
                    Header = 851, Footer = 992, Gutter = 0,
                }));
            main.Document = new Document(writer.Body);
            document.PackageProperties.Title = Clean(report.Title);
            document.PackageProperties.Language = report.Language;
            document.PackageProperties.Creator = "CampaignHub";
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Characters XML cannot hold (control characters) are left out, and a tab becomes a space; everything else a
    /// user typed, markup and field codes included, is written as the characters it is.
    /// </summary>
    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (c == '\t')
            {
                builder.Append(' ');
            }
            else if (!char.IsSurrogate(c) && (c >= 0x20 || c == '\n' || c == '\r') && c != '\uFFFE' && c != '\uFFFF')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private sealed class Writer(MainDocumentPart main, ReportTexts texts)
    {
        private uint pictures;

        public Body Body { get; } = new();

        public void Write(SummaryReport report)
        {
            Paragraph("Title", [new ReportRun(report.Title)]);
            var period = texts.Format("Report_Period", texts.Date(report.From), texts.Date(report.To))
                         + (report.UnitName is null ? "" : " · " + texts.Format("Report_Unit", report.UnitName));
            Paragraph("Subtitle", [new ReportRun(period)]);

            foreach (var block in report.Blocks)
            {
                switch (block)
                {
                    case ReportSection section:
                        Heading("Heading1", section.Number, section.Heading);
                        section.Facts.ToList().ForEach(p => Paragraph("ReportFacts", p.Runs));
                        section.Body.ToList().ForEach(p => Paragraph("ReportBody", p.Runs));
                        section.Programme.ToList().ForEach(p => Paragraph("ReportBody", p.Runs));
                        section.Figures.ToList().ForEach(p => Paragraph("ReportFacts", p.Runs));
                        foreach (var photo in section.Photos)
                        {
                            Photo(photo);
                        }

                        section.PhotoNotes.ToList().ForEach(n => Paragraph("ReportNote", [new ReportRun(n)]));
                        break;
                    case ReportTextBlock text:
                        if (text.Heading is not null)
                        {
                            Heading("Heading1", text.Number, text.Heading);
                        }

                        text.Paragraphs.ToList().ForEach(p => Paragraph("ReportBody", p.Runs));
                        break;
                }
            }

            if (report.Tables.Count > 0)
            {
                Paragraph("Heading1", [new ReportRun(texts["Report_Tables_Heading"])]);
                Paragraph("ReportNote", [new ReportRun(texts.Format("Report_Tables_Period", texts.Date(report.From), texts.Date(report.To)))]);
                foreach (var table in report.Tables)
                {
                    Paragraph("Heading2", [new ReportRun(table.Caption)]);
                    Table(table);
                }
            }

            if (report.Charts.Count > 0)
            {
                Paragraph("Heading1", [new ReportRun(texts["Report_Charts_Heading"])]);
                foreach (var chart in report.Charts)
                {
                    Paragraph("Heading2", [new ReportRun(chart.Title)]);
                    var (png, width, height) = ChartImages.Render(chart);
                    Picture(png, PartTypeInfoOf("image/png"), TextWidthEmu, (long)(TextWidthEmu * height / width), chart.Title);
                }
            }
        }

        private void Heading(string style, string? number, ReportParagraph heading)
        {
            var runs = new List<ReportRun>();
            if (number is not null)
            {
                runs.Add(new ReportRun(number + (texts.IsEnglish ? " " : "")));
            }

            runs.AddRange(heading.Runs);
            Paragraph(style, runs);
        }

        private void Paragraph(string style, IReadOnlyList<ReportRun> runs)
        {
            var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
            foreach (var run in runs)
            {
                var text = Clean(run.Text).Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' ');
                if (text.Length == 0)
                {
                    continue;
                }

                var properties = new RunProperties();
                if (run.Kind == ReportRunKind.Untranslated)
                {
                    // Word picks its Chinese font and spell checker for it.
                    properties.Append(new Languages { Val = "zh-CN", EastAsia = "zh-CN" });
                }

                paragraph.Append(new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            }

            Body.Append(paragraph);
        }

        private void Table(ReportTable table)
        {
            var columns = table.Columns.Count;
            var width = (int)((PageWidth - 2 * MarginLeftRight) / columns);
            var grid = new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
            var element = new Table(
                new TableProperties(
                    new TableStyle { Val = TableStyle },
                    new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
                    new TableLook { FirstRow = true, LastRow = table.Total is not null, NoHorizontalBand = true, NoVerticalBand = true }),
                grid);
            element.Append(Row(table.Columns.Select(c => c.Header).ToList(), table, header: true));
            foreach (var row in table.Rows)
            {
                element.Append(Row(row, table, header: false));
            }

            if (table.Total is not null)
            {
                element.Append(Row(table.Total, table, header: false, total: true));
            }

            Body.Append(element);
            // Word joins two tables that touch; a spacing paragraph keeps them apart.
            Body.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "ReportNote" })));
        }

        private static TableRow Row(IReadOnlyList<string> cells, ReportTable table, bool header, bool total = false)
        {
            var row = new TableRow(new TableRowProperties(new CantSplit()));
            if (header)
            {
                // Repeated at the top of every page the table runs onto.
                row.TableRowProperties!.Append(new TableHeader());
            }

            for (var c = 0; c < cells.Count; c++)
            {
                var numeric = table.Columns[c].Numeric && !header;
                var properties = new ParagraphProperties(
                    new ParagraphStyleId { Val = "ReportTableText" },
                    new Justification { Val = numeric ? JustificationValues.Right : JustificationValues.Left });
                if (header)
                {
                    properties.Append(new KeepNext());
                }

                var runProperties = new RunProperties();
                if (header || total)
                {
                    runProperties.Append(new Bold());
                }

                row.Append(new TableCell(
                    new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Auto }),
                    new Paragraph(properties, new Run(runProperties, new Text(Clean(cells[c])) { Space = SpaceProcessingModeValues.Preserve }))));
            }

            return row;
        }

        private void Photo(ReportPhoto photo)
        {
            byte[] content = photo.Content;
            var type = photo.ContentType;
            int width, height;
            using (var codec = SKCodec.Create(new MemoryStream(photo.Content)))
            {
                if (codec is null)
                {
                    return;
                }

                width = codec.Info.Width;
                height = codec.Info.Height;
            }

            if (type is not ("image/jpeg" or "image/png" or "image/gif"))
            {
                // Word shows JPEG, PNG and GIF; a WebP photo goes in as PNG.
                using var bitmap = SKBitmap.Decode(photo.Content);
                using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
                content = data.ToArray();
                type = "image/png";
            }

            // At most half the text width and 7 cm high, as in the HTML document.
            var cx = Math.Min(TextWidthEmu / 2, width * 9525L);
            var cy = cx * height / Math.Max(width, 1);
            if (cy > 2_520_000)
            {
                cy = 2_520_000;
                cx = cy * width / Math.Max(height, 1);
            }

            Picture(content, PartTypeInfoOf(type), cx, cy, photo.Caption ?? "");
            if (!string.IsNullOrWhiteSpace(photo.Caption))
            {
                Paragraph("ReportNote", [new ReportRun(photo.Caption)]);
            }
        }

        private void Picture(byte[] content, PartTypeInfo type, long cx, long cy, string description)
        {
            var part = main.AddImagePart(type);
            using (var stream = new MemoryStream(content))
            {
                part.FeedData(stream);
            }

            var id = ++pictures;
            var name = $"Picture {id}";
            var inline = new DW.Inline(
                new DW.Extent { Cx = cx, Cy = cy },
                new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
                new DW.DocProperties { Id = id, Name = name, Description = Clean(description) },
                new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(new A.GraphicData(
                    new PIC.Picture(
                        new PIC.NonVisualPictureProperties(
                            new PIC.NonVisualDrawingProperties { Id = 0U, Name = name },
                            new PIC.NonVisualPictureDrawingProperties()),
                        new PIC.BlipFill(new A.Blip { Embed = main.GetIdOfPart(part) }, new A.Stretch(new A.FillRectangle())),
                        new PIC.ShapeProperties(
                            new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                            new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            {
                DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
            };
            Body.Append(new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = "ReportPicture" }),
                new Run(new Drawing(inline))));
        }

        private static PartTypeInfo PartTypeInfoOf(string contentType) => contentType switch
        {
            "image/jpeg" => ImagePartType.Jpeg,
            "image/gif" => ImagePartType.Gif,
            _ => ImagePartType.Png,
        };
    }

    /// <summary>"第 3 页 共 7 页" (or "Page 3 of 7") centred at the foot of every page, from Word's own PAGE and NUMPAGES fields.</summary>
    private static FooterPart AddFooter(MainDocumentPart main, ReportTexts texts)
    {
        var part = main.AddNewPart<FooterPart>();
        var parts = texts["Report_Docx_PageOf"].Split(["{0}", "{1}"], StringSplitOptions.None);
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }, new Justification { Val = JustificationValues.Center }));
        void Literal(string text)
        {
            if (text.Length > 0)
            {
                paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            }
        }

        Literal(parts[0]);
        paragraph.Append(new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " });
        Literal(parts.Length > 1 ? parts[1] : " / ");
        paragraph.Append(new SimpleField(new Run(new Text("1"))) { Instruction = " NUMPAGES " });
        Literal(parts.Length > 2 ? parts[2] : "");
        part.Footer = new Footer(paragraph);
        return part;
    }

    private static void AddStyles(MainDocumentPart main, ReportTexts texts)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        RunFonts Fonts(string eastAsia) => new() { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = eastAsia, ComplexScript = LatinFont };
        var language = new Languages { Val = texts.IsEnglish ? "en-GB" : "zh-CN", EastAsia = "zh-CN" };

        Style Paragraph(string id, string name, string? basedOn, bool primary, OpenXmlElement[] paragraph, OpenXmlElement[] run)
        {
            var style = new Style { Type = StyleValues.Paragraph, StyleId = id, CustomStyle = !primary };
            style.Append(new StyleName { Val = name });
            if (basedOn is not null)
            {
                style.Append(new BasedOn { Val = basedOn });
            }

            style.Append(new NextParagraphStyle { Val = id.StartsWith("Heading", StringComparison.Ordinal) || id == "Title" ? "ReportBody" : id });
            if (primary)
            {
                style.Append(new PrimaryStyle());
            }

            style.Append(new StyleParagraphProperties(paragraph));
            style.Append(new StyleRunProperties(run));
            return style;
        }

        var bodyIndent = texts.IsEnglish ? new Indentation { FirstLine = "0" } : new Indentation { FirstLineChars = 200 };
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(Fonts(BodyFont), new FontSize { Val = "21" }, new FontSizeComplexScript { Val = "21" }, (Languages)language.Clone())),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "360", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle(),
                new StyleParagraphProperties(new Justification { Val = JustificationValues.Both }),
                new StyleRunProperties(Fonts(BodyFont)))
            { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Paragraph("Title", "Title", "Normal", true,
                [new Justification { Val = JustificationValues.Center }, new SpacingBetweenLines { Before = "240", After = "120" }, new KeepNext()],
                [Fonts(HeadingFont), new Bold(), new FontSize { Val = "36" }, new FontSizeComplexScript { Val = "36" }]),
            Paragraph("Subtitle", "Subtitle", "Normal", true,
                [new Justification { Val = JustificationValues.Center }, new SpacingBetweenLines { After = "240" }],
                [new Color { Val = "555555" }, new FontSize { Val = "20" }]),
            Paragraph("Heading1", "heading 1", "Normal", true,
                [new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = "240", After = "120" }, new Justification { Val = JustificationValues.Left }, new OutlineLevel { Val = 0 }],
                [Fonts(HeadingFont), new Bold(), new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" }]),
            Paragraph("Heading2", "heading 2", "Normal", true,
                [new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = "180", After = "60" }, new Justification { Val = JustificationValues.Left }, new OutlineLevel { Val = 1 }],
                [Fonts(HeadingFont), new Bold(), new FontSize { Val = "24" }, new FontSizeComplexScript { Val = "24" }]),
            Paragraph("ReportBody", "Report Body", "Normal", false, [bodyIndent, new SpacingBetweenLines { After = "60" }], []),
            Paragraph("ReportFacts", "Report Facts", "Normal", false, [new SpacingBetweenLines { After = "60" }], [new Color { Val = "555555" }, new FontSize { Val = "18" }]),
            Paragraph("ReportNote", "Report Note", "Normal", false, [new SpacingBetweenLines { After = "60" }], [new Color { Val = "666666" }, new FontSize { Val = "18" }]),
            Paragraph("ReportPicture", "Report Picture", "Normal", false, [new Justification { Val = JustificationValues.Center }, new KeepNext()], []),
            Paragraph("ReportTableText", "Report Table Text", "Normal", false, [new SpacingBetweenLines { After = "0", Line = "276", LineRule = LineSpacingRuleValues.Auto }], [new FontSize { Val = "18" }]),
            Paragraph("Footer", "footer", "Normal", false, [new Justification { Val = JustificationValues.Center }], [new FontSize { Val = "18" }]),
            new Style(
                new StyleName { Val = "Report Table" },
                new BasedOn { Val = "TableNormal" },
                new StyleTableProperties(
                    new TableBorders(
                        new TopBorder { Val = BorderValues.Single, Size = 4, Color = "999999" },
                        new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "999999" },
                        new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "999999" },
                        new RightBorder { Val = BorderValues.Single, Size = 4, Color = "999999" },
                        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "999999" },
                        new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "999999" }),
                    new TableCellMarginDefault(
                        new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })),
                new TableStyleProperties(
                    new StyleRunProperties(new Bold()),
                    new TableStyleConditionalFormattingTableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Fill = "F3E6EC", Color = "auto" }))
                { Type = TableStyleOverrideValues.FirstRow },
                new TableStyleProperties(
                    new StyleRunProperties(new Bold()),
                    new TableStyleConditionalFormattingTableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Fill = "FAFAFA", Color = "auto" }))
                { Type = TableStyleOverrideValues.LastRow })
            { Type = StyleValues.Table, StyleId = TableStyle, CustomStyle = true },
            new Style(new StyleName { Val = "Normal Table" }, new StyleTableProperties(new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa }))
            { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });
        part.Styles = styles;
    }
}
