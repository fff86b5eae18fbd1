# Writes redacted-docx.docx: minutes where two names are "redacted" the way
# Word users do it, marked black with black letters (python-docx); see README.md.
from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import RGBColor


def black(run):
    run.font.highlight_color = WD_COLOR_INDEX.BLACK
    run.font.color.rgb = RGBColor(0, 0, 0)


d = Document()
d.add_heading('Nytt fra etats-MBA 5. september 2024', level=1)
d.add_heading('Sak 31/24 Oppfølging av varsel ved NAV Grünerløkka', level=2)
p = d.add_paragraph('Arbeidsgiver orienterte om at varselet fra ')
black(p.add_run('Kari Nordmann'))
p.add_run(' er ferdig behandlet, og at konklusjonen er sendt til partene.')
d.add_paragraph('NTL ba om at varsleren får skriftlig tilbakemelding om utfallet. HR-direktøren svarte at dette er gjort.')
d.add_heading('Sak 32/24 Budsjett for 2025', level=2)
p = d.add_paragraph('Saken ble utsatt etter ønske fra ')
black(p.add_run('Ola Hansen'))
p.add_run(' i økonomiavdelingen. ')
r = p.add_run('Merk:')
r.font.highlight_color = WD_COLOR_INDEX.YELLOW
p.add_run(' saken tas opp i oktober.')
d.save('redacted-docx.docx')
