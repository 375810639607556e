package dev.sentlog.report.docx;

/** The fixed parts of the DOCX package. */
final class Parts {

    private Parts() {
    }

    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    static final String CONTENT_TYPES = XML
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
            + ".wordprocessingml.document.main+xml\"/>"
            + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
            + ".wordprocessingml.styles+xml\"/>"
            + "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
            + ".wordprocessingml.footer+xml\"/>"
            + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package"
            + ".core-properties+xml\"/>"
            + "</Types>";

    static final String PACKAGE_RELS = XML
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
            + "/officeDocument\" Target=\"word/document.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata"
            + "/core-properties\" Target=\"docProps/core.xml\"/>"
            + "</Relationships>";

    static final String CORE = XML
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Sent Message Report</dc:title>"
            + "<dc:creator>Sentlog</dc:creator></cp:coreProperties>";

    static final String DOCUMENT_RELS = XML
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006"
            + "/relationships/styles\" Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rIdFooter1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006"
            + "/relationships/footer\" Target=\"footer1.xml\"/>"
            + "</Relationships>";

    private static final String FONT = "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\" w:eastAsia=\"Arial\"/>";

    static final String STYLES = XML
            + "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
            + "<w:docDefaults><w:rPrDefault><w:rPr>" + FONT + "<w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/>"
            + "<w:lang w:val=\"en-US\"/></w:rPr></w:rPrDefault>"
            + "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
            + "</w:docDefaults>"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
            + "<w:pPr><w:spacing w:after=\"120\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"32\"/></w:rPr></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
            + "<w:basedOn w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing w:before=\"200\" w:after=\"80\"/>"
            + "<w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"22\"/></w:rPr></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"ChartTitle\"><w:name w:val=\"Chart Title\"/>"
            + "<w:basedOn w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/></w:pPr>"
            + "<w:rPr><w:b/></w:rPr></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Label\"><w:name w:val=\"Label\"/><w:basedOn w:val=\"Normal\"/>"
            + "<w:rPr><w:b/><w:color w:val=\"555B66\"/></w:rPr></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Legend\"><w:name w:val=\"Legend\"/><w:basedOn w:val=\"Normal\"/>"
            + "<w:pPr><w:spacing w:before=\"60\"/></w:pPr><w:rPr><w:color w:val=\"555B66\"/><w:sz w:val=\"15\"/></w:rPr>"
            + "</w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>"
            + "<w:rPr><w:color w:val=\"555B66\"/><w:sz w:val=\"15\"/></w:rPr></w:style>"
            + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
            + "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
            + "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
            + "</w:tblCellMar></w:tblPr></w:style>"
            + "<w:style w:type=\"table\" w:styleId=\"SentlogBlock\"><w:name w:val=\"Sentlog Block\"/>"
            + "<w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblCellMar><w:top w:w=\"20\" w:type=\"dxa\"/>"
            + "<w:left w:w=\"0\" w:type=\"dxa\"/><w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/>"
            + "</w:tblCellMar></w:tblPr></w:style>"
            + "<w:style w:type=\"table\" w:styleId=\"SentlogGrid\"><w:name w:val=\"Sentlog Grid\"/>"
            + "<w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders>"
            + "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"B8BEC8\"/>"
            + "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"B8BEC8\"/>"
            + "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"B8BEC8\"/></w:tblBorders>"
            + "<w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"60\" w:type=\"dxa\"/>"
            + "<w:bottom w:w=\"50\" w:type=\"dxa\"/><w:right w:w=\"60\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
            + "</w:styles>";
}
