<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Certifications</name>
    <message numerus="yes">
        <source>due (%n question(s))</source>
        <translation>
            <numerusform>due (%n question)</numerusform>
            <numerusform>due (%n questions)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message numerus="yes">
        <source>%n test(s) loaded. Choose one and start a timed mock exam, or practise by content area.</source>
        <translation>
            <numerusform>%n test loaded. Choose one and start a timed mock exam, or practise by content area.</numerusform>
            <numerusform>%n tests loaded. Choose one and start a timed mock exam, or practise by content area.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Review missed (%n due)</source>
        <translation>
            <numerusform>Review missed (%n due)</numerusform>
            <numerusform>Review missed (%n due)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>Nothing can be imported: %n problem(s) (below). The database is unchanged.</source>
        <translation>
            <numerusform>Nothing can be imported: %n problem (below). The database is unchanged.</numerusform>
            <numerusform>Nothing can be imported: %n problems (below). The database is unchanged.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LuckyGuessesView</name>
    <message numerus="yes">
        <source>right, marked {0}, %n time(s)</source>
        <translation>
            <numerusform>right, marked {0}, %n time</numerusform>
            <numerusform>right, marked {0}, %n times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n test(s) loaded. Opening your profile...</source>
        <translation>
            <numerusform>%n test loaded. Opening your profile...</numerusform>
            <numerusform>%n tests loaded. Opening your profile...</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n question bank(s) on first run.</source>
        <translation>
            <numerusform>Loaded %n question bank on first run.</numerusform>
            <numerusform>Loaded %n question banks on first run.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed.</source>
        <translation>
            <numerusform>%n failed.</numerusform>
            <numerusform>%n failed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Plan</name>
    <message numerus="yes">
        <source>(first %n review(s) due)</source>
        <translation>
            <numerusform>(first %n review due)</numerusform>
            <numerusform>(first %n reviews due)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{code} test on {day} (%n day(s)).</source>
        <translation>
            <numerusform>{code} test on {day} (%n day).</numerusform>
            <numerusform>{code} test on {day} (%n days).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfilesDialog</name>
    <message numerus="yes">
        <source>{name}  (%n attempt(s))</source>
        <translation>
            <numerusform>{name}  (%n attempt)</numerusform>
            <numerusform>{name}  (%n attempts)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message numerus="yes">
        <source>Spaced review: &lt;b&gt;%n&lt;/b&gt; missed question(s) due now.</source>
        <translation>
            <numerusform>Spaced review: &lt;b&gt;%n&lt;/b&gt; missed question due now.</numerusform>
            <numerusform>Spaced review: &lt;b&gt;%n&lt;/b&gt; missed questions due now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>chosen %n time(s):</source>
        <translation>
            <numerusform>chosen %n time:</numerusform>
            <numerusform>chosen %n times:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressTexts</name>
    <message numerus="yes">
        <source>&lt;b&gt;Readiness: {0:.0f} %&lt;/b&gt; estimated chance of reaching the {1:.0f} % target on a full {2} form. Expected score {3:.0f} % (80 % range {4:.0f}-{5:.0f} %), from %n answer(s). The target is an estimate: ASE publishes no passing percentage.</source>
        <translation>
            <numerusform>&lt;b&gt;Readiness: {0:.0f} %&lt;/b&gt; estimated chance of reaching the {1:.0f} % target on a full {2} form. Expected score {3:.0f} % (80 % range {4:.0f}-{5:.0f} %), from %n answer. The target is an estimate: ASE publishes no passing percentage.</numerusform>
            <numerusform>&lt;b&gt;Readiness: {0:.0f} %&lt;/b&gt; estimated chance of reaching the {1:.0f} % target on a full {2} form. Expected score {3:.0f} % (80 % range {4:.0f}-{5:.0f} %), from %n answers. The target is an estimate: ASE publishes no passing percentage.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No answers yet in %n content area(s) ({0}): their part of this estimate comes from your other areas, so answer some of their questions before you trust it.</source>
        <translation>
            <numerusform>No answers yet in %n content area ({0}): its part of this estimate comes from your other areas, so answer some of its questions before you trust it.</numerusform>
            <numerusform>No answers yet in %n content areas ({0}): their part of this estimate comes from your other areas, so answer some of their questions before you trust it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sat, last {0:.0f} % ({1})</source>
        <translation>
            <numerusform>%n sat, last {0:.0f} % ({1})</numerusform>
            <numerusform>%n sat, last {0:.0f} % ({1})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message numerus="yes">
        <source>Practise the %n I left unanswered</source>
        <translation>
            <numerusform>Practise the %n I left unanswered</numerusform>
            <numerusform>Practise the %n I left unanswered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Practise the %n I got wrong</source>
        <translation>
            <numerusform>Practise the %n I got wrong</numerusform>
            <numerusform>Practise the %n I got wrong</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message numerus="yes">
        <source>test date {0} (%n day(s))</source>
        <translation>
            <numerusform>test date {0} (%n day)</numerusform>
            <numerusform>test date {0} (%n days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) a session</source>
        <translation>
            <numerusform>%n minute a session</numerusform>
            <numerusform>%n minutes a session</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>... and %n more session(s)</source>
        <translation>
            <numerusform>... and %n more session</numerusform>
            <numerusform>... and %n more sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0}: chose {1} ({2}) %n time(s).</source>
        <translation>
            <numerusform>{0}: chose {1} ({2}) %n time.</numerusform>
            <numerusform>{0}: chose {1} ({2}) %n times.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Spaced review: %n missed question(s) due.</source>
        <translation>
            <numerusform>Spaced review: %n missed question due.</numerusform>
            <numerusform>Spaced review: %n missed questions due.</numerusform>
        </translation>
    </message>
</context>
</TS>
