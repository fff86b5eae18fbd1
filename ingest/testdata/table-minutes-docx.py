# Writes table-minutes-docx.docx, minutes as a Word table (python-docx); see README.md.
from docx import Document
from docx.shared import Pt
d = Document()
d.add_heading('Referat fra HAMU 5. september 2023', level=1)
d.add_paragraph('Til stede: Kari Nordmann (NTL), Per Hansen (arbeidsgiver), Eva Li (Unio)')
t = d.add_table(rows=1, cols=3)
t.style = 'Table Grid'
h = t.rows[0].cells
for c, s in zip(h, ['Sak', 'Tema', 'Ansvar']):
    c.paragraphs[0].add_run(s).bold = True
rows = [('21/23', 'Sykefravær første halvår', 'Sykefraværet har økt til 7,9 prosent. NTL ba om at arbeidsgiver lager en plan for å redusere arbeidspresset i ytelsesavdelingen. Arbeidsgiver svarte at planen legges fram i neste møte.', 'HR'),
        ('22/23', 'Nye lokaler i Bergen', 'Flyttingen er utsatt til mars. NTL mente at de ansatte må få delta i planleggingen av arbeidsplassene. Arbeidsgiver var enig.', 'Direktør'),
        ('23/23', 'Eventuelt', 'Ingen saker.', '')]
for n, title, text, who in rows:
    r = t.add_row().cells
    r[0].text = n
    p = r[1].paragraphs[0]
    p.add_run(title).bold = True
    r[1].add_paragraph(text)
    r[2].text = who
d.save('table-minutes-docx.docx')
