<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AnswerPanel</name>
    <message>
        <source>Question {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>BayReady - unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside BayReady ({0}).

The details were saved to
{1}

Please send that file to whoever looks after BayReady, with a note of what you were doing. Your answers so far are saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BayReady could not use its database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BayReady is already open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttemptFlow</name>
    <message>
        <source>Start a new exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You already have {0} {1} {2} in progress. Abandon it and start a new mock exam?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is due for review in this test right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your {0} {1} is still in progress ({2} of {3} answered, {4} left). Resume it now? Time while BayReady was closed is not counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your {0} {1} is still in progress ({2} of {3} answered). Resume it now? Time while BayReady was closed is not counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have no attempt in progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your {code} {mode} is still in progress. It stays saved and you can resume it later. Start a practice anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume the {mode}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttemptMode</name>
    <message>
        <source>mock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recert</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BanksDialog</name>
    <message>
        <source>Loading the questions...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question banks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Banks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by id, question text or task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions in the bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export YAML...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Moodle XML...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total} questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No question matches the search.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookletPane</name>
    <message>
        <source>Hide (F4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the reference booklet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the booklet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the reference booklet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booklet sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference booklet text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booklet (F4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the reference booklet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No section matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} hits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> in 1 section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> in {0} sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This question refers to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} sections</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Certifications</name>
    <message>
        <source>Current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recertify now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: held - all {n} current, until {until}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: {done} of {n} current; still needed: {missing}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test not loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due ({n} questions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done {date}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CertificationsDialog</name>
    <message>
        <source>Certifications - {profile}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certifications held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recertify from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retake from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A lapse would end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start monthly check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A few questions per content area of the selected certification, as ASE&apos;s renewal app does, to keep your knowledge current between recertifications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certifications last five years from the pass date. The recertify window opens one year before expiry (BayReady&apos;s choice, leaving time for a retake). After a failed test, ASE lets you retake it 30 days later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test results you entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test, e.g. A5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>Estimated mastery per content area (bar) with its 80 % band (box)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mastery per content area: no answers yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>80 % band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (no answers yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target {0:.0f} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mastery per content area chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mock exam scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mock exam scores: no mocks yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mock number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score trend chart</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClassDialog</name>
    <message>
        <source>Class results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results per learner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the class results...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The class results could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>error: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no banks loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exported {0} questions of {1} to {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrote {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfidenceBar</name>
    <message>
        <source>Sure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guess</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How sure were you?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (key {1})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExamIntroPage</name>
    <message>
        <source>Exam introduction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Mock exam for &lt;b&gt;{0}&lt;/b&gt;. The clock starts when you press Start.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; questions ({1} scored{2}) &amp;nbsp;&amp;middot;&amp;nbsp; &lt;b&gt;{3}&lt;/b&gt; to answer them &amp;nbsp;&amp;middot;&amp;nbsp; target {4:.0f} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, {0} unscored research</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You already have {0} {1} {2} in progress. Starting this mock abandons it; go Back and choose Resume to finish it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The real {0} test gives {1} minutes for {2} questions ({3} scored and {4} unscored research items).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>research items are off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fewer research items are left in the pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the question pool is smaller than the blueprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This mock has {0} questions because {1}, so it keeps the same pace: {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your profile&apos;s accommodation gives {0:g} times the time: {1} in all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The countdown is hidden (accommodation); press Show time to see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One question at a time. Answer in any order: Next and Previous move one question, the navigator on the right jumps to any question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag a question you want to come back to. The navigator marks flagged questions, and the review screen lists them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review and submit lists unanswered and flagged questions before you submit. An unanswered question earns no points, so answer every one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A question with an exhibit shows it beside the question; you can zoom it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings appear with 10 and 5 minutes left. When time is up, your answers are submitted as they stand and your score report opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and leave keeps your answers and the time used; resume from the home screen. The clock does not run while you are away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Research items look like the others and do not count; the report shows them apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose an answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>previous question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flag or unflag for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review and submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show or hide the exhibit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zoom the exhibit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>move between and press buttons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show or hide the reference booklet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExamPage</name>
    <message>
        <source>Time remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; Previous (P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next (N) &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review and submit (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attempt is saved; resume it from the home screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mock exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recertification test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review and finish (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged (F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag for review (F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit your exam now? You cannot change answers afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish this practice and see the report?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} unanswered (they earn no points), {1} flagged for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoring your answers...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} minutes remain. The exam submits itself when time runs out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time is up - your answers were submitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step was not saved; try it again. Answers saved earlier are kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExhibitDialog</name>
    <message>
        <source>Exhibit - {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exhibit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExhibitPane</name>
    <message>
        <source>Exhibit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide (X)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the exhibit; X shows it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exhibit: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExhibitThumbnail</name>
    <message>
        <source>Exhibit: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exhibit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}  (click or X to show it beside the question)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}. Press Enter to show it beside the question.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormChoice</name>
    <message>
        <source>Form:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;certification test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recertification test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recertification test ({0}R) for &lt;b&gt;{1}&lt;/b&gt;. The clock starts when you press Start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; questions (all scored, no research items) &amp;nbsp;&amp;middot;&amp;nbsp; &lt;b&gt;{1}&lt;/b&gt; to answer them &amp;nbsp;&amp;middot;&amp;nbsp; target {2:.0f} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {0} recertification test is shorter than the full test: {1} scored questions in {2} minutes, drawn in the same proportions across the content areas, with no research items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These figures are an estimate (ASE does not publish them for this test): about half the full test&apos;s scored questions at its pace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This form has {0} questions because the question pool is smaller than the blueprint, so it keeps the same pace: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your profile&apos;s accommodation gives {0:g} times the time: {1} in all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the mock exam intro for the selected test; Enter again starts it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice the selected test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My progress and weak areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit (an exam in progress is saved and can be resumed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the File, Test, Instructor and Help menus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>During an exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice, once answered: sure, unsure or a guess (right guesses are reviewed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right or N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left or P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag or unflag the question for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review screen: answered, unanswered and flagged questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move between and press buttons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exhibits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the exhibit beside the question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom the exhibit in or out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference booklet (tests that have one, like L1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the searchable reference booklet beside the question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your score is the number of scored questions you got right out of the scored questions on the form. An unanswered question earns no point, exactly as on the real test, so always answer every question. Unscored research items (when you add them) never count; they are reported apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report breaks the score down by content area and shows your pacing: the seconds you spent per item against the time the real test allows per item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each test has a target percentage (70 % unless its question bank says otherwise). ASE does not publish a fixed pass mark; the target is a practice goal. A mock exam at or above the target is an estimated pass; below it, &apos;below target&apos; on the home screen and &apos;not yet&apos; on the score report. Practice sessions and short drills show your score only, with no verdict: too few questions to say anything about the real test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mastery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For every content area and task, BayReady estimates how likely you are to answer its next question right from all your answers so far (mock exams and practice). Recent answers count more: an answer&apos;s weight halves every {days} days. With no answers there is no estimate (&apos;no answers yet&apos;); the estimate moves toward your real rate as answers come in. The band around it is the range the true value lies in with {band} % probability. With fewer than {n} answers an area or task shows &apos;not enough data&apos; instead of an estimate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readiness is the chance that you would reach the target on a full form of the real test today. BayReady simulates 1,000 forms with the blueprint&apos;s number of questions from each content area, drawing your ability in each area from its mastery estimate (so an uncertain estimate widens the spread), and counts how many of those forms reach the target. It also shows the score you would most likely get and the range 80 % of the simulated forms fall in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;Study next&apos; ranks areas and tasks by the points you could gain on a full form: the number of questions the blueprint gives them, times your room to improve, times how sure the estimate is. Areas and tasks with too few answers follow as &apos;practise to measure&apos;. Each entry has a Drill button for 10 questions on exactly that area or task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A question you got wrong enters your review queue; answering it again schedules it further out when right and sooner when wrong (the FSRS spaced-repetition scheduler). The home screen shows how many are due for each test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BayReady help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoring, targets and readiness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scoring, targets and readiness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About BayReady</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed, task-list-tagged practice tests for ASE certification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New profile...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles and accommodations...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the question banks...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mock exam... (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add unscored research items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About 10 extra items that do not count, mixed in as on the real test; they are scored apart and shown only on the report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My progress and weak areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question banks...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class results...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today: choose a test to see your study plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study plan...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certifications...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructor tools:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No question banks are loaded yet. Import one with Question banks... or bayready bank import FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No question banks are loaded yet. An instructor imports them (Instructor menu, Instructor mode, then Question banks...), or run bayready bank import FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n test(s) loaded. Choose one and start a timed mock exam, or practise by content area.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Review missed (%n due)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Resume {0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Target test:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} {title} (not loaded yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the file...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Questions in the file&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Problems and skipped questions&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check again with this mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the file...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Questions in the file&lt;/b&gt; ({n} ready to import)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no category)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>- choose a task -</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstanceLock</name>
    <message>
        <source>process {pid} on {host}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BayReady is already open on this database ({db}), in {holder}.

Switch to that window and carry on there: two copies writing the same database could lose answers or exam time.

If that copy has hung, close it (or end {holder}) and start BayReady again. To run a second copy on purpose, give it its own data folder: bayready --data-dir FOLDER.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LuckyGuessesView</name>
    <message>
        <source>Lucky guesses</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>BayReady - ASE practice tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the question banks...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructor tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructor mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructor PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That PIN is not right. Instructor mode stays off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructor mode is on: question banks and class results are available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a PIN (Instructor menu) so learners cannot turn it on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructor mode is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructor PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN (leave empty to remove the PIN):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the PIN? Anyone could then turn on instructor mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same PIN again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two PINs differ; the PIN is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructor PIN saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructor PIN removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language could not be saved for this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n test(s) loaded. Opening your profile...</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Some question banks could not be loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n question bank(s) on first run.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} are for instructors; ask yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> - signed in as an instructor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> - signed in as a learner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today: choose a test to see your study plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question banks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time is up - your answers were submitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time is up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time is up - your answers were submitted. Your score report is on the screen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigator legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question navigator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flagged, answered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NavigatorButton</name>
    <message>
        <source>answered, right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered, wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flagged for review, not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flagged for review, answered wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flagged for review, answered right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flagged for review, answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question {0}, {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Plan</name>
    <message>
        <source>Mon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full timed mock exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recertification practice form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spaced review of missed questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill: {what} {key} {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mixed practice drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(first {n} reviews due)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No test date booked yet (set one in Study plan).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} test on {day} ({n} days).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today: {what}, {minutes} min.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start today&apos;s session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is planned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s session is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No session planned for today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{lead} Next: {day}, {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do the next one now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Study plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weeks ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to calendar (.ics)...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not booked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study evenings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes per session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recertification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and re-plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each session:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} {title} - {profile}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done {done} of {planned} planned evenings since {since}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested plan: save it to keep track of your evenings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} (today)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PracticeDialog</name>
    <message>
        <source>Practice - {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose content areas or single tasks (none = the whole test). Questions you missed and have not seen come first; each answer shows the explanation at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area / task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Areas and tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time me at the real test&apos;s pace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of questions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start practice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PracticeFeedback</name>
    <message>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your answer, correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correct answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your answer, wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incorrect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer is {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not quite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileError</name>
    <message>
        <source>That profile no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile called &apos;{0}&apos; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile names are limited to {0} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time multiplier must be between 1.0 and 3.0.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileFlow</name>
    <message>
        <source>New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learner&apos;s name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfilesDialog</name>
    <message>
        <source>Extra time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save accommodations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}  ({n} attempts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Accommodations for {name}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Accommodations&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved accommodations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changed accommodations for {name}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learner&apos;s name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles and accommodations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> x time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time multiplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the countdown (a button shows it on demand)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the countdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {0} and all of their attempts? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: {name} gets {x:g} x time; the countdown is {shown}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <source>no answers yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enough data ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answers yet for this test. Sit a mock exam or a practice set and this page will show how ready you are and what to study next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>below target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full mock exams: {0}. Recertification tests: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items at stake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area / task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mastery (80 % band)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds per item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mastery per area and task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Areas and tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Misconceptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lucky guesses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1} - progress of {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Spaced review: &lt;b&gt;%n&lt;/b&gt; missed question(s) due now.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Study next&lt;/b&gt; - ranked by the items each is expected to cost you on the real test (items on the form x chance of missing one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0:.1f} items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill area {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill task {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0:.0f} s ({1:.1f}x budget of {2:.0f} s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressTexts</name>
    <message numerus="yes">
        <source>&lt;b&gt;Readiness: {0:.0f} %&lt;/b&gt; estimated chance of reaching the {1:.0f} % target on a full {2} form. Expected score {3:.0f} % (80 % range {4:.0f}-{5:.0f} %), from %n answer(s). The target is an estimate: ASE publishes no passing percentage.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sat, last {0:.0f} % ({1})</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuestionPreviewModel</name>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportFlow</name>
    <message>
        <source>Loading your progress report...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the PDF...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a question bank first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>All questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unanswered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Research (unscored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds per item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score per content area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Review the questions:&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practise the ones I got wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My progress and weak areas for this test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show exhibit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1} - Recertification test report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1} - Mock exam report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1} - Practice report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unscored research items: {0} of {1} correct (not counted in the score).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score: &lt;b&gt;{0} of {1}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target {0:.0f} % - an estimate: ASE publishes no passing percentage; a panel sets each test&apos;s standard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time used {0}; {1:.0f} s per item against a budget of {2:.0f} s per item. Answered {3} of {4}: {5}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area {0}: {1:.0f} percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practise the {0} I got wrong and {1} unanswered</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Practise the %n I left unanswered</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Practise the %n I got wrong</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to practise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unanswered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Q{0} - {1}{2} - {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No questions match this filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice: no pass estimate from {n} questions - sit a mock exam for one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated result: PASS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated result: NOT YET</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} wrong, {1} unanswered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question {0} (unscored research item)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1} - task {2}: {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exhibit: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You did not answer this question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mastery (80 % band)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds per item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mastery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (continued)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No plan for this test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>test date {0} (%n day(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>no test date booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done {0} of {1} planned evenings since {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested plan (not saved yet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) a session</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>goal {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>... and %n more session(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No sessions planned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recertify from {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retake from {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a lapse would end {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None entered yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about {0:.1f} items at stake</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{0}: chose {1} ({2}) %n time(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Content areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Misconceptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer some questions first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak-area report for &lt;b&gt;{0}&lt;/b&gt;, generated {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Spaced review: %n missed question(s) due.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Seconds per item against a budget of {0:.0f} s per item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BayReady {0} report - {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BayReady - {0} - {1} - page {2} of {3}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResumeDialog</name>
    <message>
        <source>Resume an attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These attempts are still in progress. Choose one to resume; the others stay saved. Time while BayReady was closed is not counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, {t} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} {mode}: {answered} of {items} answered{left}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Unanswered questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to the questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit exam...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish practice...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review before submitting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review before finishing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have answered {0} of {1} questions. Select a question below to go back to it. An unanswered question earns no points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unanswered ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged for review ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartupRunner</name>
    <message>
        <source>BayReady cannot open its database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the question banks...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StudyFlow</name>
    <message>
        <source>Today: choose a test to see your study plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the study plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestTableModel</name>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scored items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last mock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>below target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} - resume</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New profile...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profiles and accommodations...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;mock exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Practice...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume an attempt...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;view missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My pro&amp;gress and study plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study p&amp;lan...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Certifications...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Instructor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Instructor mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Question banks...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Class results...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set or change the &amp;PIN...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BayReady &amp;help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About BayReady</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System default</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
