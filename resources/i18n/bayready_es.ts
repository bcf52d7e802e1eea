<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AnswerPanel</name>
    <message>
        <source>Question {0} of {1}</source>
        <translation>Pregunta {0} de {1}</translation>
    </message>
    <message>
        <source>Option {0}: {1}</source>
        <translation>Opción {0}: {1}</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>BayReady - unexpected error</source>
        <translation>BayReady - error inesperado</translation>
    </message>
    <message>
        <source>Something went wrong inside BayReady ({0}).

The details were saved to
{1}

Please send that file to whoever looks after BayReady, with a note of what you were doing. Your answers so far are saved.</source>
        <translation>Algo falló dentro de BayReady ({0}).

Los detalles se guardaron en
{1}

Envíe ese archivo a quien administre BayReady, con una nota de lo que estaba haciendo. Sus respuestas hasta ahora están guardadas.</translation>
    </message>
    <message>
        <source>BayReady could not use its database</source>
        <translation>BayReady no pudo usar su base de datos</translation>
    </message>
    <message>
        <source>BayReady is already open</source>
        <translation>BayReady ya está abierto</translation>
    </message>
</context>
<context>
    <name>AttemptFlow</name>
    <message>
        <source>Start a new exam</source>
        <translation>Empezar un examen nuevo</translation>
    </message>
    <message>
        <source>You already have {0} {1} {2} in progress. Abandon it and start a new mock exam?</source>
        <translation>Ya tiene en curso: {2} de {1}. ¿Abandonar ese intento y empezar un simulacro nuevo?</translation>
    </message>
    <message>
        <source>Start new</source>
        <translation>Empezar nuevo</translation>
    </message>
    <message>
        <source>Starting the practice...</source>
        <translation>Iniciando la práctica...</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Repaso</translation>
    </message>
    <message>
        <source>Nothing is due for review in this test right now.</source>
        <translation>Por ahora no hay nada pendiente de repaso en esta prueba.</translation>
    </message>
    <message>
        <source>Planning...</source>
        <translation>Planificando...</translation>
    </message>
    <message>
        <source>Opening the attempt...</source>
        <translation>Abriendo el intento...</translation>
    </message>
    <message>
        <source>Your {0} {1} is still in progress ({2} of {3} answered, {4} left). Resume it now? Time while BayReady was closed is not counted.</source>
        <translation>Su {1} de {0} sigue en curso ({2} de {3} respondidas, quedan {4}). ¿Quiere reanudar ahora? El tiempo con BayReady cerrado no cuenta.</translation>
    </message>
    <message>
        <source>Your {0} {1} is still in progress ({2} of {3} answered). Resume it now? Time while BayReady was closed is not counted.</source>
        <translation>Su {1} de {0} sigue en curso ({2} de {3} respondidas). ¿Quiere reanudar ahora? El tiempo con BayReady cerrado no cuenta.</translation>
    </message>
    <message>
        <source>Resume exam</source>
        <translation>Reanudar el examen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>You have no attempt in progress.</source>
        <translation>No tiene ningún intento en curso.</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>Cargando...</translation>
    </message>
    <message>
        <source>Preparing the exam...</source>
        <translation>Preparando el examen...</translation>
    </message>
    <message>
        <source>Starting the exam...</source>
        <translation>Iniciando el examen...</translation>
    </message>
    <message>
        <source>Attempt in progress</source>
        <translation>Intento en curso</translation>
    </message>
    <message>
        <source>Your {code} {mode} is still in progress. It stays saved and you can resume it later. Start a practice anyway?</source>
        <translation>Su {mode} de {code} sigue en curso. El intento queda guardado y puede reanudarlo después. ¿Empezar una práctica de todos modos?</translation>
    </message>
    <message>
        <source>Start practice</source>
        <translation>Empezar la práctica</translation>
    </message>
    <message>
        <source>Resume the {mode}</source>
        <translation>Reanudar: {mode}</translation>
    </message>
</context>
<context>
    <name>AttemptMode</name>
    <message>
        <source>mock</source>
        <translation>simulacro</translation>
    </message>
    <message>
        <source>practice</source>
        <translation>práctica</translation>
    </message>
    <message>
        <source>recert</source>
        <translation>recertificación</translation>
    </message>
</context>
<context>
    <name>BanksDialog</name>
    <message>
        <source>Loading the questions...</source>
        <translation>Cargando las preguntas...</translation>
    </message>
    <message>
        <source>Question banks</source>
        <translation>Bancos de preguntas</translation>
    </message>
    <message>
        <source>Banks</source>
        <translation>Bancos</translation>
    </message>
    <message>
        <source>Search by id, question text or task</source>
        <translation>Buscar por id, texto de la pregunta o tarea</translation>
    </message>
    <message>
        <source>Search questions</source>
        <translation>Buscar preguntas</translation>
    </message>
    <message>
        <source>Questions in the bank</source>
        <translation>Preguntas del banco</translation>
    </message>
    <message>
        <source>Question preview</source>
        <translation>Vista previa de la pregunta</translation>
    </message>
    <message>
        <source>Import...</source>
        <translation>Importar...</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <source>Remove...</source>
        <translation>Quitar...</translation>
    </message>
    <message>
        <source>Export YAML...</source>
        <translation>Exportar YAML...</translation>
    </message>
    <message>
        <source>Export Moodle XML...</source>
        <translation>Exportar Moodle XML...</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Working...</source>
        <translation>Procesando...</translation>
    </message>
    <message>
        <source>{shown} of {total} questions</source>
        <translation>{shown} de {total} preguntas</translation>
    </message>
    <message>
        <source>{total} questions</source>
        <translation>{total} preguntas</translation>
    </message>
    <message>
        <source>No question matches the search.</source>
        <translation>Ninguna pregunta coincide con la búsqueda.</translation>
    </message>
    <message>
        <source>Exhibit: {0}</source>
        <translation>Ilustración: {0}</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>Cargando...</translation>
    </message>
    <message>
        <source>Remove bank</source>
        <translation>Quitar el banco</translation>
    </message>
    <message>
        <source>Remove the bank &apos;{0}&apos; ({1} questions) from {2}? Its questions will no longer be drawn; past attempts stay and are still reported.</source>
        <translation>¿Quitar el banco &apos;{0}&apos; ({1} preguntas) de {2}? Sus preguntas ya no se usarán; los intentos anteriores se conservan y siguen en los reportes.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Export bank</source>
        <translation>Exportar el banco</translation>
    </message>
    <message>
        <source>Moodle XML (*.xml)</source>
        <translation>Moodle XML (*.xml)</translation>
    </message>
    <message>
        <source>YAML (*.yaml)</source>
        <translation>YAML (*.yaml)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Exporting {0}...</source>
        <translation>Exportando {0}...</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>No se pudo escribir {0}: {1}</translation>
    </message>
    <message>
        <source>Exported {0} questions to {1}.</source>
        <translation>Se exportaron {0} preguntas a {1}.</translation>
    </message>
</context>
<context>
    <name>BookletPane</name>
    <message>
        <source>Hide (F4)</source>
        <translation>Ocultar (F4)</translation>
    </message>
    <message>
        <source>Hide the reference booklet</source>
        <translation>Ocultar el folleto de referencia</translation>
    </message>
    <message>
        <source>Search the booklet</source>
        <translation>Buscar en el folleto</translation>
    </message>
    <message>
        <source>Search the reference booklet</source>
        <translation>Buscar en el folleto de referencia</translation>
    </message>
    <message>
        <source>Booklet sections</source>
        <translation>Secciones del folleto</translation>
    </message>
    <message>
        <source>Reference booklet text</source>
        <translation>Texto del folleto de referencia</translation>
    </message>
    <message>
        <source>Booklet (F4)</source>
        <translation>Folleto (F4)</translation>
    </message>
    <message>
        <source>Show or hide the reference booklet</source>
        <translation>Mostrar u ocultar el folleto de referencia</translation>
    </message>
    <message>
        <source>this question</source>
        <translation>esta pregunta</translation>
    </message>
    <message>
        <source>No section matches.</source>
        <translation>Ninguna sección coincide.</translation>
    </message>
    <message>
        <source>1 hit</source>
        <translation>1 resultado</translation>
    </message>
    <message>
        <source>{0} hits</source>
        <translation>{0} resultados</translation>
    </message>
    <message>
        <source> in 1 section</source>
        <translation> en 1 sección</translation>
    </message>
    <message>
        <source> in {0} sections</source>
        <translation> en {0} secciones</translation>
    </message>
    <message>
        <source>This question refers to {0}.</source>
        <translation>Esta pregunta hace referencia a {0}.</translation>
    </message>
    <message>
        <source>{0} sections</source>
        <translation>{0} secciones</translation>
    </message>
</context>
<context>
    <name>Certifications</name>
    <message>
        <source>Current</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <source>Recertify now</source>
        <translation>Recertifíquese ya</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vencida</translation>
    </message>
    <message>
        <source>Not held</source>
        <translation>No la tiene</translation>
    </message>
    <message>
        <source>{title}: held - all {n} current, until {until}.</source>
        <translation>{title}: obtenida - las {n} vigentes, hasta {until}.</translation>
    </message>
    <message>
        <source>{title}: {done} of {n} current; still needed: {missing}.</source>
        <translation>{title}: {done} de {n} vigentes; aún faltan: {missing}.</translation>
    </message>
    <message>
        <source>test not loaded</source>
        <translation>prueba no cargada</translation>
    </message>
    <message numerus="yes">
        <source>due (%n question(s))</source>
        <translation>
            <numerusform>pendiente (%n pregunta)</numerusform>
            <numerusform>pendiente (%n preguntas)</numerusform>
        </translation>
    </message>
    <message>
        <source>done {date}</source>
        <translation>hecho el {date}</translation>
    </message>
</context>
<context>
    <name>CertificationsDialog</name>
    <message>
        <source>Certifications - {profile}</source>
        <translation>Certificaciones - {profile}</translation>
    </message>
    <message>
        <source>Certifications held</source>
        <translation>Certificaciones obtenidas</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Aprobada</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Recertify from</source>
        <translation>Recertificar desde</translation>
    </message>
    <message>
        <source>Retake from</source>
        <translation>Repetir desde</translation>
    </message>
    <message>
        <source>A lapse would end</source>
        <translation>Si vence, perdería</translation>
    </message>
    <message>
        <source>Monthly check</source>
        <translation>Repaso mensual</translation>
    </message>
    <message>
        <source>Start monthly check</source>
        <translation>Empezar el repaso mensual</translation>
    </message>
    <message>
        <source>A few questions per content area of the selected certification, as ASE&apos;s renewal app does, to keep your knowledge current between recertifications.</source>
        <translation>Unas cuantas preguntas por área de contenido de la certificación seleccionada, como hace la aplicación de renovación de ASE, para mantener sus conocimientos al día entre recertificaciones.</translation>
    </message>
    <message>
        <source>Certifications last five years from the pass date. The recertify window opens one year before expiry (BayReady&apos;s choice, leaving time for a retake). After a failed test, ASE lets you retake it 30 days later.</source>
        <translation>Las certificaciones duran cinco años desde la fecha de aprobación. El periodo para recertificarse se abre un año antes del vencimiento (criterio de BayReady, para dejar tiempo de repetirla). Si no aprueba una prueba, ASE le permite repetirla 30 días después.</translation>
    </message>
    <message>
        <source>Test results you entered</source>
        <translation>Resultados de pruebas que usted registró</translation>
    </message>
    <message>
        <source>Test, e.g. A5</source>
        <translation>Prueba, p. ej. A5</translation>
    </message>
    <message>
        <source>Test code</source>
        <translation>Código de la prueba</translation>
    </message>
    <message>
        <source>Date taken</source>
        <translation>Fecha en que la presentó</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>No aprobada</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Add result</source>
        <translation>Agregar resultado</translation>
    </message>
    <message>
        <source>Test:</source>
        <translation>Prueba:</translation>
    </message>
    <message>
        <source>Taken on:</source>
        <translation>Presentada el:</translation>
    </message>
    <message>
        <source>Results entered</source>
        <translation>Resultados registrados</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Remove result</source>
        <translation>Quitar resultado</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>Estimated mastery per content area (bar) with its 80 % band (box)</source>
        <translation>Dominio estimado por área de contenido (barra) con su banda del 80 % (caja)</translation>
    </message>
    <message>
        <source>Mastery per content area: no answers yet</source>
        <translation>Dominio por área de contenido: todavía no hay respuestas</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>Estimado</translation>
    </message>
    <message>
        <source>80 % band</source>
        <translation>Banda del 80 %</translation>
    </message>
    <message>
        <source>Target {0:.0f} %</source>
        <translation>Meta {0:.0f} %</translation>
    </message>
    <message>
        <source>* fewer than {0} answers</source>
        <translation>* menos de {0} respuestas</translation>
    </message>
    <message>
        <source>† no answers yet</source>
        <translation>† sin respuestas aún</translation>
    </message>
    <message>
        <source>Mastery per content area chart</source>
        <translation>Gráfica de dominio por área de contenido</translation>
    </message>
    <message>
        <source>Mock exam scores</source>
        <translation>Puntajes de simulacros</translation>
    </message>
    <message>
        <source>Mock exam scores: no mocks yet</source>
        <translation>Puntajes de simulacros: todavía no hay simulacros</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntaje</translation>
    </message>
    <message>
        <source>Mock</source>
        <translation>Simulacro</translation>
    </message>
    <message>
        <source>Mock number</source>
        <translation>Número de simulacro</translation>
    </message>
    <message>
        <source>Score trend chart</source>
        <translation>Gráfica de la tendencia del puntaje</translation>
    </message>
</context>
<context>
    <name>ClassDialog</name>
    <message>
        <source>Class results</source>
        <translation>Resultados de la clase</translation>
    </message>
    <message>
        <source>Test:</source>
        <translation>Prueba:</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation>Exportar CSV...</translation>
    </message>
    <message>
        <source>Results per learner</source>
        <translation>Resultados por estudiante</translation>
    </message>
    <message>
        <source>Item analysis</source>
        <translation>Análisis de preguntas</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>Estudiantes</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Loading the class results...</source>
        <translation>Cargando los resultados de la clase...</translation>
    </message>
    <message>
        <source>The class results could not be loaded.</source>
        <translation>No se pudieron cargar los resultados de la clase.</translation>
    </message>
    <message>
        <source>{0} learners; {1} questions put to them in submitted mocks (answered or left blank: Blank counts those apart from wrong answers); {2} flagged. Facility is the share answering right; discrimination is the point-biserial correlation with the rest of the score (negative: strong candidates miss it - check the key).</source>
        <translation>{0} estudiantes; {1} preguntas presentadas en simulacros entregados (respondidas o en blanco: En blanco las cuenta aparte de las incorrectas); {2} marcadas. La facilidad es la proporción que acierta; la discriminación es la correlación biserial puntual con el resto del puntaje (negativa: los estudiantes con mejor puntaje la fallan; revise la clave).</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Estudiante</translation>
    </message>
    <message>
        <source>Mocks</source>
        <translation>Simulacros</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Último</translation>
    </message>
    <message>
        <source>Best</source>
        <translation>Mejor</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Respondidas</translation>
    </message>
    <message>
        <source>Area {0}</source>
        <translation>Área {0}</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Facilidad</translation>
    </message>
    <message>
        <source>Discrimination</source>
        <translation>Discriminación</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>Blank</source>
        <translation>En blanco</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>Export class results</source>
        <translation>Exportar los resultados de la clase</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
</context>
<context>
    <name>ClassFlags</name>
    <message>
        <source>too easy</source>
        <translation>demasiado fácil</translation>
    </message>
    <message>
        <source>too hard</source>
        <translation>demasiado difícil</translation>
    </message>
    <message>
        <source>negative discrimination - check the key</source>
        <translation>discriminación negativa: revise la clave</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>error: {0}</source>
        <translation>error: {0}</translation>
    </message>
    <message>
        <source>no banks loaded</source>
        <translation>no hay bancos cargados</translation>
    </message>
    <message>
        <source>exported {0} questions of {1} to {2}</source>
        <translation>se exportaron {0} preguntas de {1} a {2}</translation>
    </message>
    <message>
        <source>wrote {0}</source>
        <translation>se escribió {0}</translation>
    </message>
</context>
<context>
    <name>ConfidenceBar</name>
    <message>
        <source>Sure</source>
        <translation>Seguro</translation>
    </message>
    <message>
        <source>Unsure</source>
        <translation>Dudoso</translation>
    </message>
    <message>
        <source>Guess</source>
        <translation>Adiviné</translation>
    </message>
    <message>
        <source>How sure were you?</source>
        <translation>¿Qué tan seguro estaba?</translation>
    </message>
    <message>
        <source>{0} (key {1})</source>
        <translation>{0} (tecla {1})</translation>
    </message>
</context>
<context>
    <name>ErrorTypes</name>
    <message>
        <source>Technician A/B: misjudged both statements</source>
        <translation>Técnico A/B: juzgó mal las dos afirmaciones</translation>
    </message>
    <message>
        <source>Technician A/B: misjudged Technician {0}&apos;s statement</source>
        <translation>Técnico A/B: juzgó mal la afirmación del técnico {0}</translation>
    </message>
    <message>
        <source>judge each technician&apos;s statement on its own, true or false, before choosing</source>
        <translation>juzgue la afirmación de cada técnico por separado, verdadera o falsa, antes de elegir</translation>
    </message>
    <message>
        <source>EXCEPT / LEAST LIKELY: picked a true statement</source>
        <translation>EXCEPTO / MENOS PROBABLE: eligió una afirmación verdadera</translation>
    </message>
    <message>
        <source>the answer is the one statement that is NOT true; cross out each true one</source>
        <translation>la respuesta es la única afirmación que NO es verdadera; descarte cada una que sí lo sea</translation>
    </message>
    <message>
        <source>Timing: wrong in the last {0:.0f} minutes of a mock ({1:.0f} % against {2:.0f} % before)</source>
        <translation>Tiempo: errores en los últimos {0:.0f} minutos de un simulacro ({1:.0f} % contra {2:.0f} % antes)</translation>
    </message>
    <message>
        <source>pace yourself to leave time for the last questions</source>
        <translation>lleve un ritmo que le deje tiempo para las últimas preguntas</translation>
    </message>
</context>
<context>
    <name>ErrorTypesView</name>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} de {1}</translation>
    </message>
    <message>
        <source>Error types</source>
        <translation>Tipos de error</translation>
    </message>
    <message>
        <source>What went wrong</source>
        <translation>Qué salió mal</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <source>Try</source>
        <translation>Consejo</translation>
    </message>
    <message>
        <source>Distractors chosen more than once</source>
        <translation>Distractores elegidos más de una vez</translation>
    </message>
</context>
<context>
    <name>ExamError</name>
    <message>
        <source>{0} has no questions to draw a form from; import a bank for it first.</source>
        <translation>{0} no tiene preguntas para armar una versión; primero importe un banco para esa prueba.</translation>
    </message>
    <message>
        <source>No questions match that choice; pick other areas or tasks.</source>
        <translation>Ninguna pregunta coincide con esa selección; elija otras áreas o tareas.</translation>
    </message>
    <message>
        <source>No test &apos;{0}&apos; is loaded.</source>
        <translation>No hay ninguna prueba &apos;{0}&apos; cargada.</translation>
    </message>
    <message>
        <source>Choose or create a profile first.</source>
        <translation>Primero elija o cree un perfil.</translation>
    </message>
    <message>
        <source>That attempt no longer exists.</source>
        <translation>Ese intento ya no existe.</translation>
    </message>
    <message>
        <source>This attempt has already been submitted.</source>
        <translation>Este intento ya fue entregado.</translation>
    </message>
</context>
<context>
    <name>ExamIntroPage</name>
    <message>
        <source>Exam introduction</source>
        <translation>Introducción al examen</translation>
    </message>
    <message>
        <source>Time allowed</source>
        <translation>Tiempo permitido</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Reglas</translation>
    </message>
    <message>
        <source>Keyboard keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Atrás (Esc)</translation>
    </message>
    <message>
        <source>Back to the tests</source>
        <translation>Volver a las pruebas</translation>
    </message>
    <message>
        <source>Start the exam</source>
        <translation>Empezar el examen</translation>
    </message>
    <message>
        <source>&lt;p&gt;Mock exam for &lt;b&gt;{0}&lt;/b&gt;. The clock starts when you press Start.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Simulacro de examen para &lt;b&gt;{0}&lt;/b&gt;. El reloj arranca cuando oprima Empezar.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; questions ({1} scored{2}) &amp;nbsp;&amp;middot;&amp;nbsp; &lt;b&gt;{3}&lt;/b&gt; to answer them &amp;nbsp;&amp;middot;&amp;nbsp; target {4:.0f} %</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; preguntas ({1} con puntaje{2}) &amp;nbsp;&amp;middot;&amp;nbsp; &lt;b&gt;{3}&lt;/b&gt; para responderlas &amp;nbsp;&amp;middot;&amp;nbsp; meta {4:.0f} %</translation>
    </message>
    <message>
        <source>, {0} unscored research</source>
        <translation>, {0} de investigación sin puntaje</translation>
    </message>
    <message>
        <source>You already have {0} {1} {2} in progress. Starting this mock abandons it; go Back and choose Resume to finish it instead.</source>
        <translation>Ya tiene en curso: {2} de {1}. Si empieza este simulacro, ese intento se abandona; oprima Atrás y elija Reanudar para terminarlo.</translation>
    </message>
    <message>
        <source>The real {0} test gives {1} minutes for {2} questions ({3} scored and {4} unscored research items).</source>
        <translation>La prueba real {0} da {1} minutos para {2} preguntas ({3} con puntaje y {4} de investigación sin puntaje).</translation>
    </message>
    <message>
        <source>research items are off</source>
        <translation>las preguntas de investigación están desactivadas</translation>
    </message>
    <message>
        <source>fewer research items are left in the pool</source>
        <translation>quedan menos preguntas de investigación en el banco</translation>
    </message>
    <message>
        <source>the question pool is smaller than the blueprint</source>
        <translation>el banco de preguntas es más pequeño que la especificación</translation>
    </message>
    <message>
        <source>This mock has {0} questions because {1}, so it keeps the same pace: {2}.</source>
        <translation>Este simulacro tiene {0} preguntas porque {1}, así que mantiene el mismo ritmo: {2}.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message>
        <source>Your profile&apos;s accommodation gives {0:g} times the time: {1} in all.</source>
        <translation>La adaptación de su perfil da {0:g} veces el tiempo: {1} en total.</translation>
    </message>
    <message>
        <source>The countdown is hidden (accommodation); press Show time to see it.</source>
        <translation>La cuenta regresiva está oculta (adaptación); oprima Mostrar tiempo para verla.</translation>
    </message>
    <message>
        <source>About the time</source>
        <translation>Sobre el tiempo</translation>
    </message>
    <message>
        <source>One question at a time. Answer in any order: Next and Previous move one question, the navigator on the right jumps to any question.</source>
        <translation>Una pregunta a la vez. Responda en cualquier orden: Siguiente y Anterior avanzan o retroceden una pregunta; el navegador de la derecha salta a cualquier pregunta.</translation>
    </message>
    <message>
        <source>Flag a question you want to come back to. The navigator marks flagged questions, and the review screen lists them.</source>
        <translation>Marque una pregunta a la que quiera volver. El navegador indica las preguntas marcadas y la pantalla de revisión las enumera.</translation>
    </message>
    <message>
        <source>Review and submit lists unanswered and flagged questions before you submit. An unanswered question earns no points, so answer every one.</source>
        <translation>Revisar y entregar enumera las preguntas sin responder y las marcadas antes de entregar. Una pregunta sin responder no suma puntos, así que responda todas.</translation>
    </message>
    <message>
        <source>A question with an exhibit shows it beside the question; you can zoom it.</source>
        <translation>Una pregunta con ilustración la muestra al lado de la pregunta; puede ampliarla.</translation>
    </message>
    <message>
        <source>Warnings appear with 10 and 5 minutes left. When time is up, your answers are submitted as they stand and your score report opens.</source>
        <translation>Aparecen avisos cuando quedan 10 y 5 minutos. Al terminarse el tiempo, sus respuestas se entregan tal como están y se abre su reporte de puntaje.</translation>
    </message>
    <message>
        <source>Save and leave keeps your answers and the time used; resume from the home screen. The clock does not run while you are away.</source>
        <translation>Guardar y salir conserva sus respuestas y el tiempo usado; reanude desde la pantalla de inicio. El reloj no corre mientras está fuera.</translation>
    </message>
    <message>
        <source>Research items look like the others and do not count; the report shows them apart.</source>
        <translation>Las preguntas de investigación se ven como las demás y no cuentan; el reporte las muestra aparte.</translation>
    </message>
    <message>
        <source>choose an answer</source>
        <translation>elegir una respuesta</translation>
    </message>
    <message>
        <source>next question</source>
        <translation>siguiente pregunta</translation>
    </message>
    <message>
        <source>N / Right</source>
        <translation>N / Flecha derecha</translation>
    </message>
    <message>
        <source>previous question</source>
        <translation>pregunta anterior</translation>
    </message>
    <message>
        <source>P / Left</source>
        <translation>P / Flecha izquierda</translation>
    </message>
    <message>
        <source>flag or unflag for review</source>
        <translation>marcar o desmarcar para revisión</translation>
    </message>
    <message>
        <source>review and submit</source>
        <translation>revisar y entregar</translation>
    </message>
    <message>
        <source>show or hide the exhibit</source>
        <translation>mostrar u ocultar la ilustración</translation>
    </message>
    <message>
        <source>zoom the exhibit</source>
        <translation>ampliar la ilustración</translation>
    </message>
    <message>
        <source>switch a translated question between English and Spanish</source>
        <translation>cambiar una pregunta traducida entre inglés y español</translation>
    </message>
    <message>
        <source>move between and press buttons</source>
        <translation>moverse entre botones y oprimirlos</translation>
    </message>
    <message>
        <source>show or hide the reference booklet</source>
        <translation>mostrar u ocultar el folleto de referencia</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
</context>
<context>
    <name>ExamPage</name>
    <message>
        <source>Review and submit (Ctrl+R)</source>
        <translation>Revisar y entregar (Ctrl+R)</translation>
    </message>
    <message>
        <source>Mock exam</source>
        <translation>Simulacro de examen</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>Práctica</translation>
    </message>
    <message>
        <source>Recertification test</source>
        <translation>Prueba de recertificación</translation>
    </message>
    <message>
        <source>Review and finish (Ctrl+R)</source>
        <translation>Revisar y terminar (Ctrl+R)</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>Examen</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No guardado</translation>
    </message>
    <message>
        <source>This step was not saved; try it again. Answers saved earlier are kept.</source>
        <translation>Este paso no se guardó; inténtelo de nuevo. Las respuestas guardadas antes se conservan.</translation>
    </message>
</context>
<context>
    <name>ExamPageLayout</name>
    <message>
        <source>Time remaining</source>
        <translation>Tiempo restante</translation>
    </message>
    <message>
        <source>Time left {0}</source>
        <translation>Quedan {0}</translation>
    </message>
    <message>
        <source>Elapsed {0}</source>
        <translation>Transcurrido {0}</translation>
    </message>
    <message>
        <source>Show time</source>
        <translation>Mostrar tiempo</translation>
    </message>
    <message>
        <source>Time warning</source>
        <translation>Aviso de tiempo</translation>
    </message>
    <message>
        <source>&lt; Previous (P)</source>
        <translation>&lt; Anterior (P)</translation>
    </message>
    <message>
        <source>Next (N) &gt;</source>
        <translation>Siguiente (N) &gt;</translation>
    </message>
    <message>
        <source>Review and submit (Ctrl+R)</source>
        <translation>Revisar y entregar (Ctrl+R)</translation>
    </message>
    <message>
        <source>Save and leave</source>
        <translation>Guardar y salir</translation>
    </message>
    <message>
        <source>The attempt is saved; resume it from the home screen.</source>
        <translation>El intento está guardado; reanúdelo desde la pantalla de inicio.</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Question {0} of {1}</source>
        <translation>Pregunta {0} de {1}</translation>
    </message>
    <message>
        <source>Flagged (F)</source>
        <translation>Marcada (F)</translation>
    </message>
    <message>
        <source>Flag for review (F)</source>
        <translation>Marcar para revisión (F)</translation>
    </message>
    <message>
        <source>Flagged for review</source>
        <translation>Marcada para revisión</translation>
    </message>
    <message>
        <source>Flag for review</source>
        <translation>Marcar para revisión</translation>
    </message>
    <message>
        <source>Español</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Show this question in Spanish (L)</source>
        <translation>Ver esta pregunta en español (L)</translation>
    </message>
    <message>
        <source>Show this question in Spanish</source>
        <translation>Ver esta pregunta en español</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Show this question in English (L)</source>
        <translation>Ver esta pregunta en inglés (L)</translation>
    </message>
    <message>
        <source>Show this question in English</source>
        <translation>Ver esta pregunta en inglés</translation>
    </message>
</context>
<context>
    <name>ExamReviewAndSubmit</name>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Submit your exam now? You cannot change answers afterwards.</source>
        <translation>¿Entregar su examen ahora? Después no podrá cambiar respuestas.</translation>
    </message>
    <message>
        <source>Finish this practice and see the report?</source>
        <translation>¿Terminar esta práctica y ver el reporte?</translation>
    </message>
    <message>
        <source>{0} unanswered (they earn no points), {1} flagged for review.</source>
        <translation>{0} sin responder (no suman puntos), {1} marcadas para revisión.</translation>
    </message>
    <message>
        <source>Submit exam</source>
        <translation>Entregar el examen</translation>
    </message>
    <message>
        <source>Finish practice</source>
        <translation>Terminar la práctica</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Entregar</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Terminar</translation>
    </message>
    <message>
        <source>Scoring your answers...</source>
        <translation>Calificando sus respuestas...</translation>
    </message>
</context>
<context>
    <name>ExamTimekeeping</name>
    <message>
        <source>Elapsed {0}</source>
        <translation>Transcurrido {0}</translation>
    </message>
    <message>
        <source>Time left {0}</source>
        <translation>Quedan {0}</translation>
    </message>
    <message>
        <source>{0} minutes remain. The exam submits itself when time runs out.</source>
        <translation>Quedan {0} minutos. El examen se entrega solo cuando se acaba el tiempo.</translation>
    </message>
    <message>
        <source>Time is up - your answers were submitted.</source>
        <translation>Se acabó el tiempo: sus respuestas fueron entregadas.</translation>
    </message>
</context>
<context>
    <name>ExhibitDialog</name>
    <message>
        <source>Exhibit - {0}</source>
        <translation>Ilustración - {0}</translation>
    </message>
    <message>
        <source>Exhibit</source>
        <translation>Ilustración</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Alejar (-)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Acercar (+)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
</context>
<context>
    <name>ExhibitPane</name>
    <message>
        <source>Exhibit</source>
        <translation>Ilustración</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Alejar (-)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Acercar (+)</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Hide (X)</source>
        <translation>Ocultar (X)</translation>
    </message>
    <message>
        <source>Hide the exhibit; X shows it again.</source>
        <translation>Ocultar la ilustración; X la vuelve a mostrar.</translation>
    </message>
    <message>
        <source>Exhibit: {0}</source>
        <translation>Ilustración: {0}</translation>
    </message>
</context>
<context>
    <name>ExhibitThumbnail</name>
    <message>
        <source>Exhibit: {0}</source>
        <translation>Ilustración: {0}</translation>
    </message>
    <message>
        <source>Exhibit</source>
        <translation>Ilustración</translation>
    </message>
    <message>
        <source>{0}  (click or X to show it beside the question)</source>
        <translation>{0}  (haga clic u oprima X para verla junto a la pregunta)</translation>
    </message>
    <message>
        <source>{0}. Press Enter to show it beside the question.</source>
        <translation>{0}. Oprima Enter para verla junto a la pregunta.</translation>
    </message>
</context>
<context>
    <name>FormChoice</name>
    <message>
        <source>Form:</source>
        <translation>Versión:</translation>
    </message>
    <message>
        <source>&amp;Full test</source>
        <translation>Prueba &amp;completa</translation>
    </message>
    <message>
        <source>Re&amp;certification test</source>
        <translation>Prueba de &amp;recertificación</translation>
    </message>
    <message>
        <source>Full test</source>
        <translation>Prueba completa</translation>
    </message>
    <message>
        <source>Recertification test</source>
        <translation>Prueba de recertificación</translation>
    </message>
    <message>
        <source>Recertification test ({0}R) for &lt;b&gt;{1}&lt;/b&gt;. The clock starts when you press Start.</source>
        <translation>Prueba de recertificación ({0}R) para &lt;b&gt;{1}&lt;/b&gt;. El reloj arranca cuando oprima Empezar.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; questions (all scored, no research items) &amp;nbsp;&amp;middot;&amp;nbsp; &lt;b&gt;{1}&lt;/b&gt; to answer them &amp;nbsp;&amp;middot;&amp;nbsp; target {2:.0f} %</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; preguntas (todas con puntaje, sin preguntas de investigación) &amp;nbsp;&amp;middot;&amp;nbsp; &lt;b&gt;{1}&lt;/b&gt; para responderlas &amp;nbsp;&amp;middot;&amp;nbsp; meta {2:.0f} %</translation>
    </message>
    <message>
        <source>The {0} recertification test is shorter than the full test: {1} scored questions in {2} minutes, drawn in the same proportions across the content areas, with no research items.</source>
        <translation>La prueba de recertificación {0} es más corta que la prueba completa: {1} preguntas con puntaje en {2} minutos, repartidas en las mismas proporciones entre las áreas de contenido, sin preguntas de investigación.</translation>
    </message>
    <message>
        <source>These figures are an estimate (ASE does not publish them for this test): about half the full test&apos;s scored questions at its pace.</source>
        <translation>Estas cifras son un estimado (ASE no las publica para esta prueba): cerca de la mitad de las preguntas con puntaje de la prueba completa, a su mismo ritmo.</translation>
    </message>
    <message>
        <source>This form has {0} questions because the question pool is smaller than the blueprint, so it keeps the same pace: {1}.</source>
        <translation>Esta versión tiene {0} preguntas porque el banco de preguntas es más pequeño que la especificación, así que mantiene el mismo ritmo: {1}.</translation>
    </message>
    <message>
        <source>Your profile&apos;s accommodation gives {0:g} times the time: {1} in all.</source>
        <translation>La adaptación de su perfil da {0:g} veces el tiempo: {1} en total.</translation>
    </message>
    <message>
        <source>About the time</source>
        <translation>Sobre el tiempo</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Open the mock exam intro for the selected test; Enter again starts it</source>
        <translation>Abrir la introducción del simulacro de la prueba seleccionada; Enter otra vez lo empieza</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Nuevo perfil</translation>
    </message>
    <message>
        <source>Practice the selected test</source>
        <translation>Practicar la prueba seleccionada</translation>
    </message>
    <message>
        <source>My progress and weak areas</source>
        <translation>Mi progreso y áreas débiles</translation>
    </message>
    <message>
        <source>Quit (an exam in progress is saved and can be resumed)</source>
        <translation>Salir (un examen en curso se guarda y se puede reanudar)</translation>
    </message>
    <message>
        <source>This help</source>
        <translation>Esta ayuda</translation>
    </message>
    <message>
        <source>Open the menus: {0}</source>
        <translation>Abrir los menús: {0}</translation>
    </message>
    <message>
        <source>During an exam</source>
        <translation>Durante un examen</translation>
    </message>
    <message>
        <source>Choose an answer</source>
        <translation>Elegir una respuesta</translation>
    </message>
    <message>
        <source>Practice, once answered: sure, unsure or a guess (right guesses are reviewed)</source>
        <translation>Práctica, ya respondida: seguro, dudoso o adiviné (las que acertó adivinando se repasan)</translation>
    </message>
    <message>
        <source>Right or N</source>
        <translation>Flecha derecha o N</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>Siguiente pregunta</translation>
    </message>
    <message>
        <source>Left or P</source>
        <translation>Flecha izquierda o P</translation>
    </message>
    <message>
        <source>Previous question</source>
        <translation>Pregunta anterior</translation>
    </message>
    <message>
        <source>Flag or unflag the question for review</source>
        <translation>Marcar o desmarcar la pregunta para revisión</translation>
    </message>
    <message>
        <source>Review screen: answered, unanswered and flagged questions</source>
        <translation>Pantalla de revisión: preguntas respondidas, sin responder y marcadas</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab, Space, Enter</source>
        <translation>Tab, Shift+Tab, Espacio, Enter</translation>
    </message>
    <message>
        <source>Move between and press buttons</source>
        <translation>Moverse entre botones y oprimirlos</translation>
    </message>
    <message>
        <source>Exhibits</source>
        <translation>Ilustraciones</translation>
    </message>
    <message>
        <source>Show or hide the exhibit beside the question</source>
        <translation>Mostrar u ocultar la ilustración junto a la pregunta</translation>
    </message>
    <message>
        <source>Zoom the exhibit in or out</source>
        <translation>Acercar o alejar la ilustración</translation>
    </message>
    <message>
        <source>Reference booklet (tests that have one, like L1)</source>
        <translation>Folleto de referencia (pruebas que lo tienen, como L1)</translation>
    </message>
    <message>
        <source>Show or hide the searchable reference booklet beside the question</source>
        <translation>Mostrar u ocultar el folleto de referencia con búsqueda junto a la pregunta</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntaje</translation>
    </message>
    <message>
        <source>Your score is the number of scored questions you got right out of the scored questions on the form. An unanswered question earns no point, exactly as on the real test, so always answer every question. Unscored research items (when you add them) never count; they are reported apart.</source>
        <translation>Su puntaje es el número de preguntas con puntaje que acertó, de las preguntas con puntaje de la prueba. Una pregunta sin responder no suma puntos, igual que en la prueba real, así que responda siempre todas las preguntas. Las preguntas de investigación sin puntaje (cuando las agrega) nunca cuentan; se reportan aparte.</translation>
    </message>
    <message>
        <source>The report breaks the score down by content area and shows your pacing: the seconds you spent per item against the time the real test allows per item.</source>
        <translation>El reporte desglosa el puntaje por área de contenido y muestra su ritmo: los segundos que dedicó a cada pregunta frente al tiempo que permite la prueba real por pregunta.</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>Each test has a target percentage (70 % unless its question bank says otherwise). ASE does not publish a fixed pass mark; the target is a practice goal. A mock exam at or above the target is an estimated pass; below it, &apos;below target&apos; on the home screen and &apos;not yet&apos; on the score report. Practice sessions and short drills show your score only, with no verdict: too few questions to say anything about the real test.</source>
        <translation>Cada prueba tiene un porcentaje meta (70 % salvo que su banco de preguntas indique otro). ASE no publica una calificación fija para aprobar; la meta es un objetivo de práctica. Un simulacro con un puntaje igual o superior a la meta cuenta como aprobado estimado; si queda por debajo, aparece &apos;bajo la meta&apos; en la pantalla de inicio y &apos;todavía no&apos; en el reporte de puntaje. Las prácticas y los ejercicios cortos solo muestran su puntaje, sin veredicto: son muy pocas preguntas para decir algo de la prueba real.</translation>
    </message>
    <message>
        <source>Mastery</source>
        <translation>Dominio</translation>
    </message>
    <message>
        <source>For every content area and task, BayReady estimates how likely you are to answer its next question right from all your answers so far (mock exams and practice). Recent answers count more: an answer&apos;s weight halves every {days} days. With no answers there is no estimate (&apos;no answers yet&apos;); the estimate moves toward your real rate as answers come in. The band around it is the range the true value lies in with {band} % probability. With fewer than {n} answers an area or task shows &apos;not enough data&apos; instead of an estimate.</source>
        <translation>Para cada área de contenido y cada tarea, BayReady estima qué tan probable es que acierte la siguiente pregunta, a partir de todas sus respuestas hasta ahora (simulacros y prácticas). Las respuestas recientes cuentan más: el peso de una respuesta se reduce a la mitad cada {days} días. Sin respuestas no hay estimado (&apos;sin respuestas aún&apos;); el estimado se acerca a su tasa real a medida que llegan respuestas. La banda a su alrededor es el rango en el que está el valor real con {band} % de probabilidad. Con menos de {n} respuestas, un área o tarea muestra &apos;datos insuficientes&apos; en lugar de un estimado.</translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation>Preparación</translation>
    </message>
    <message>
        <source>Readiness is the chance that you would reach the target on a full form of the real test today. BayReady simulates 1,000 forms with the blueprint&apos;s number of questions from each content area, drawing your ability in each area from its mastery estimate (so an uncertain estimate widens the spread), and counts how many of those forms reach the target. It also shows the score you would most likely get and the range 80 % of the simulated forms fall in.</source>
        <translation>La preparación es la probabilidad de que alcance la meta en una versión completa de la prueba real hoy. BayReady simula 1,000 versiones con el número de preguntas que la especificación da a cada área de contenido, toma su habilidad en cada área de su estimado de dominio (así un estimado incierto amplía la dispersión) y cuenta cuántas de esas versiones alcanzan la meta. También muestra el puntaje que más probablemente obtendría y el rango en el que cae el 80 % de las versiones simuladas.</translation>
    </message>
    <message>
        <source>Study plan</source>
        <translation>Plan de estudio</translation>
    </message>
    <message>
        <source>&apos;Study next&apos; ranks areas and tasks by the points you could gain on a full form: the number of questions the blueprint gives them, times your room to improve, times how sure the estimate is. Areas and tasks with too few answers follow as &apos;practise to measure&apos;. Each entry has a Drill button for 10 questions on exactly that area or task.</source>
        <translation>&apos;Qué estudiar ahora&apos; ordena áreas y tareas según los puntos que podría ganar en una versión completa: el número de preguntas que les da la especificación, por su margen de mejora, por la certeza del estimado. Las áreas y tareas con muy pocas respuestas aparecen después como &apos;practique para medir&apos;. Cada entrada tiene un botón Practicar con 10 preguntas exactamente de esa área o tarea.</translation>
    </message>
    <message>
        <source>Review missed</source>
        <translation>Repasar falladas</translation>
    </message>
    <message>
        <source>A question you got wrong enters your review queue; answering it again schedules it further out when right and sooner when wrong (the FSRS spaced-repetition scheduler). The home screen shows how many are due for each test.</source>
        <translation>Una pregunta que falló entra en su lista de repaso; al responderla otra vez se programa más adelante si acierta y más pronto si falla (el programador de repetición espaciada FSRS). La pantalla de inicio muestra cuántas hay pendientes en cada prueba.</translation>
    </message>
    <message>
        <source>BayReady help</source>
        <translation>Ayuda de BayReady</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Scoring, targets and readiness</source>
        <translation>Puntaje, metas y preparación</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;Scoring, targets and readiness</source>
        <translation>&amp;Puntaje, metas y preparación</translation>
    </message>
    <message>
        <source>About BayReady</source>
        <translation>Acerca de BayReady</translation>
    </message>
    <message>
        <source>Timed, task-list-tagged practice tests for ASE certification.</source>
        <translation>Pruebas de práctica cronometradas, organizadas por la lista de tareas, para la certificación ASE.</translation>
    </message>
    <message>
        <source>Qt version:</source>
        <translation>Versión de Qt:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Base de datos:</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Carpeta de datos:</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Profile:</source>
        <translation>Perfil:</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>New profile...</source>
        <translation>Nuevo perfil...</translation>
    </message>
    <message>
        <source>Profiles and accommodations...</source>
        <translation>Perfiles y adaptaciones...</translation>
    </message>
    <message>
        <source>Opening the question banks...</source>
        <translation>Abriendo los bancos de preguntas...</translation>
    </message>
    <message>
        <source>Tests</source>
        <translation>Pruebas</translation>
    </message>
    <message>
        <source>Mock exam... (Enter)</source>
        <translation>Simulacro... (Enter)</translation>
    </message>
    <message>
        <source>Add unscored research items</source>
        <translation>Agregar preguntas de investigación sin puntaje</translation>
    </message>
    <message>
        <source>About 10 extra items that do not count, mixed in as on the real test; they are scored apart and shown only on the report.</source>
        <translation>Unas 10 preguntas adicionales que no cuentan, mezcladas como en la prueba real; se califican aparte y solo aparecen en el reporte.</translation>
    </message>
    <message>
        <source>Practice...</source>
        <translation>Práctica...</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>My progress and weak areas</source>
        <translation>Mi progreso y áreas débiles</translation>
    </message>
    <message>
        <source>Review missed</source>
        <translation>Repasar falladas</translation>
    </message>
    <message>
        <source>Question banks...</source>
        <translation>Bancos de preguntas...</translation>
    </message>
    <message>
        <source>Class results...</source>
        <translation>Resultados de la clase...</translation>
    </message>
    <message>
        <source>Today: choose a test to see your study plan.</source>
        <translation>Hoy: elija una prueba para ver su plan de estudio.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Empezar</translation>
    </message>
    <message>
        <source>Study plan...</source>
        <translation>Plan de estudio...</translation>
    </message>
    <message>
        <source>Certifications...</source>
        <translation>Certificaciones...</translation>
    </message>
    <message>
        <source>Instructor tools:</source>
        <translation>Herramientas del instructor:</translation>
    </message>
    <message>
        <source>No question banks are loaded yet. Import one with Question banks... or bayready bank import FILE.</source>
        <translation>Todavía no hay bancos de preguntas cargados. Importe uno con Bancos de preguntas... o con bayready bank import ARCHIVO.</translation>
    </message>
    <message>
        <source>No question banks are loaded yet. An instructor imports them (Instructor menu, Instructor mode, then Question banks...), or run bayready bank import FILE.</source>
        <translation>Todavía no hay bancos de preguntas cargados. Un instructor los importa (menú Instructor, Modo instructor y luego Bancos de preguntas...), o ejecute bayready bank import ARCHIVO.</translation>
    </message>
    <message numerus="yes">
        <source>%n test(s) loaded. Choose one and start a timed mock exam, or practise by content area.</source>
        <translation>
            <numerusform>%n prueba cargada. Elija una y empiece un simulacro cronometrado, o practique por área de contenido.</numerusform>
            <numerusform>%n pruebas cargadas. Elija una y empiece un simulacro cronometrado, o practique por área de contenido.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Review missed (%n due)</source>
        <translation>
            <numerusform>Repasar falladas (%n pendiente)</numerusform>
            <numerusform>Repasar falladas (%n pendientes)</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume {0} {1}</source>
        <translation>Reanudar {0} ({1})</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Target test:</source>
        <translation>Prueba de destino:</translation>
    </message>
    <message>
        <source>{code} {title} (not loaded yet)</source>
        <translation>{code} {title} (aún no cargada)</translation>
    </message>
    <message>
        <source>Target test</source>
        <translation>Prueba de destino</translation>
    </message>
    <message>
        <source>Reading the file...</source>
        <translation>Leyendo el archivo...</translation>
    </message>
    <message>
        <source>Category mapping</source>
        <translation>Correspondencia de categorías</translation>
    </message>
    <message>
        <source>&lt;b&gt;Questions in the file&lt;/b&gt;</source>
        <translation>&lt;b&gt;Preguntas del archivo&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Questions in the file</source>
        <translation>Preguntas del archivo</translation>
    </message>
    <message>
        <source>&lt;b&gt;Problems and skipped questions&lt;/b&gt;</source>
        <translation>&lt;b&gt;Problemas y preguntas omitidas&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Copy problems</source>
        <translation>Copiar problemas</translation>
    </message>
    <message>
        <source>Check again with this mapping</source>
        <translation>Revisar de nuevo con esta correspondencia</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Checking the file...</source>
        <translation>Revisando el archivo...</translation>
    </message>
    <message>
        <source>Importing...</source>
        <translation>Importando...</translation>
    </message>
    <message>
        <source>&lt;b&gt;Questions in the file&lt;/b&gt; ({n} ready to import)</source>
        <translation>&lt;b&gt;Preguntas del archivo&lt;/b&gt; ({n} listas para importar)</translation>
    </message>
    <message>
        <source>{0}: would add {1}, update {2}, retire {3}, leave {4} unchanged, skip {5}.</source>
        <translation>{0}: agregaría {1}, actualizaría {2}, retiraría {3}, dejaría {4} sin cambios, omitiría {5}.</translation>
    </message>
    <message>
        <source>{0} more questions wait for a task mapping below.</source>
        <translation>{0} preguntas más esperan una correspondencia de tarea abajo.</translation>
    </message>
    <message>
        <source>Imported: {0}</source>
        <translation>Importado: {0}</translation>
    </message>
    <message numerus="yes">
        <source>Nothing can be imported: %n problem(s) (below). The database is unchanged.</source>
        <translation>
            <numerusform>No se puede importar nada: %n problema (abajo). La base de datos no cambió.</numerusform>
            <numerusform>No se puede importar nada: %n problemas (abajo). La base de datos no cambió.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import failed: {0}. The database is unchanged.</source>
        <translation>La importación falló: {0}. La base de datos no cambió.</translation>
    </message>
    <message>
        <source>(no category)</source>
        <translation>(sin categoría)</translation>
    </message>
    <message>
        <source>- choose a task -</source>
        <translation>- elija una tarea -</translation>
    </message>
</context>
<context>
    <name>InstanceLock</name>
    <message>
        <source>process {pid} on {host}</source>
        <translation>el proceso {pid} en {host}</translation>
    </message>
    <message>
        <source>another process</source>
        <translation>otro proceso</translation>
    </message>
    <message>
        <source>BayReady is already open on this database ({db}), in {holder}.

Switch to that window and carry on there: two copies writing the same database could lose answers or exam time.

If that copy has hung, close it (or end {holder}) and start BayReady again. To run a second copy on purpose, give it its own data folder: bayready --data-dir FOLDER.</source>
        <translation>BayReady ya está abierto con esta base de datos ({db}), en {holder}.

Cambie a esa ventana y continúe allí: dos copias escribiendo en la misma base de datos podrían perder respuestas o tiempo de examen.

Si esa copia se congeló, ciérrela (o termine {holder}) e inicie BayReady de nuevo. Para abrir una segunda copia a propósito, dele su propia carpeta de datos: bayready --data-dir CARPETA.</translation>
    </message>
</context>
<context>
    <name>LuckyGuessesView</name>
    <message>
        <source>Lucky guesses</source>
        <translation>Aciertos por suerte</translation>
    </message>
    <message>
        <source>No lucky guesses. In practice, after answering, press 1 (sure), 2 (unsure) or 3 (guess): right answers you were not sure of are listed here to review.</source>
        <translation>No hay aciertos por suerte. En la práctica, después de responder, oprima 1 (seguro), 2 (dudoso) o 3 (adiviné): aquí aparecen para repasar las respuestas correctas de las que no estaba seguro.</translation>
    </message>
    <message>
        <source>Answered right, but you said you were not sure: worth reviewing before they count on the real test.</source>
        <translation>Las respondió bien, pero indicó que no estaba seguro: conviene repasarlas antes de que cuenten en la prueba real.</translation>
    </message>
    <message>
        <source>unsure</source>
        <translation>dudoso</translation>
    </message>
    <message>
        <source>guess</source>
        <translation>adiviné</translation>
    </message>
    <message numerus="yes">
        <source>right, marked {0}, %n time(s)</source>
        <translation>
            <numerusform>correcta, marcada como «{0}», %n vez</numerusform>
            <numerusform>correcta, marcada como «{0}», %n veces</numerusform>
        </translation>
    </message>
    <message>
        <source>right, marked {0}</source>
        <translation>correcta, marcada como «{0}»</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>BayReady - ASE practice tests</source>
        <translation>BayReady - pruebas de práctica ASE</translation>
    </message>
    <message>
        <source>Opening the question banks...</source>
        <translation>Abriendo los bancos de preguntas...</translation>
    </message>
    <message>
        <source>Instructor tools</source>
        <translation>Herramientas del instructor</translation>
    </message>
    <message>
        <source>Instructor mode</source>
        <translation>Modo instructor</translation>
    </message>
    <message>
        <source>Instructor PIN:</source>
        <translation>PIN del instructor:</translation>
    </message>
    <message>
        <source>That PIN is not right. Instructor mode stays off.</source>
        <translation>Ese PIN no es correcto. El modo instructor sigue desactivado.</translation>
    </message>
    <message>
        <source>Instructor mode is on: question banks and class results are available.</source>
        <translation>El modo instructor está activado: los bancos de preguntas y los resultados de la clase están disponibles.</translation>
    </message>
    <message>
        <source>Set a PIN (Instructor menu) so learners cannot turn it on.</source>
        <translation>Fije un PIN (menú Instructor) para que los estudiantes no puedan activarlo.</translation>
    </message>
    <message>
        <source>Instructor mode is off.</source>
        <translation>El modo instructor está desactivado.</translation>
    </message>
    <message>
        <source>Instructor PIN</source>
        <translation>PIN del instructor</translation>
    </message>
    <message>
        <source>New PIN (leave empty to remove the PIN):</source>
        <translation>PIN nuevo (déjelo vacío para quitar el PIN):</translation>
    </message>
    <message>
        <source>Remove the PIN? Anyone could then turn on instructor mode.</source>
        <translation>¿Quitar el PIN? Entonces cualquiera podría activar el modo instructor.</translation>
    </message>
    <message>
        <source>Remove PIN</source>
        <translation>Quitar el PIN</translation>
    </message>
    <message>
        <source>The same PIN again:</source>
        <translation>El mismo PIN otra vez:</translation>
    </message>
    <message>
        <source>The two PINs differ; the PIN is unchanged.</source>
        <translation>Los dos PIN no coinciden; el PIN no cambió.</translation>
    </message>
    <message>
        <source>Instructor PIN saved.</source>
        <translation>PIN del instructor guardado.</translation>
    </message>
    <message>
        <source>Instructor PIN removed.</source>
        <translation>PIN del instructor eliminado.</translation>
    </message>
    <message>
        <source>The language could not be saved for this profile.</source>
        <translation>No se pudo guardar el idioma para este perfil.</translation>
    </message>
    <message numerus="yes">
        <source>%n test(s) loaded. Opening your profile...</source>
        <translation>
            <numerusform>%n prueba cargada. Abriendo su perfil...</numerusform>
            <numerusform>%n pruebas cargadas. Abriendo su perfil...</numerusform>
        </translation>
    </message>
    <message>
        <source>Some question banks could not be loaded</source>
        <translation>Algunos bancos de preguntas no se pudieron cargar</translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n question bank(s) on first run.</source>
        <translation>
            <numerusform>Se cargó %n banco de preguntas en el primer inicio.</numerusform>
            <numerusform>Se cargaron %n bancos de preguntas en el primer inicio.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed.</source>
        <translation>
            <numerusform>%n falló.</numerusform>
            <numerusform>%n fallaron.</numerusform>
        </translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>Base de datos: {0}</translation>
    </message>
    <message>
        <source>{0} are for instructors; ask yours.</source>
        <translation>{0}: solo para instructores; consulte con su instructor.</translation>
    </message>
    <message>
        <source> - signed in as an instructor</source>
        <translation> - sesión iniciada como instructor</translation>
    </message>
    <message>
        <source> - signed in as a learner</source>
        <translation> - sesión iniciada como estudiante</translation>
    </message>
    <message>
        <source>Could not open the database.</source>
        <translation>No se pudo abrir la base de datos.</translation>
    </message>
    <message>
        <source>Question banks</source>
        <translation>Bancos de preguntas</translation>
    </message>
    <message>
        <source>Class results</source>
        <translation>Resultados de la clase</translation>
    </message>
    <message>
        <source>Time is up - your answers were submitted.</source>
        <translation>Se acabó el tiempo: sus respuestas fueron entregadas.</translation>
    </message>
    <message>
        <source>Time is up</source>
        <translation>Se acabó el tiempo</translation>
    </message>
    <message>
        <source>Time is up - your answers were submitted. Your score report is on the screen.</source>
        <translation>Se acabó el tiempo: sus respuestas fueron entregadas. Su reporte de puntaje está en la pantalla.</translation>
    </message>
</context>
<context>
    <name>Mastery</name>
    <message>
        <source>not enough data ({0} answers) - practise to measure</source>
        <translation>datos insuficientes ({0} respuestas): practique para medir</translation>
    </message>
    <message>
        <source>you lose about {0:.1f} of {1} items here ({2:.0f} % estimated, {3:.0f}-{4:.0f} %, on {5} answers)</source>
        <translation>aquí pierde unas {0:.1f} de {1} preguntas ({2:.0f} % estimado, {3:.0f}-{4:.0f} %, según {5} respuestas)</translation>
    </message>
    <message>
        <source>a gap inside area {0}: {1:.0f} % estimated against {2:.0f} % for the area ({3} of {4} right)</source>
        <translation>un punto débil dentro del área {0}: {1:.0f} % estimado frente a {2:.0f} % del área ({3} de {4} correctas)</translation>
    </message>
    <message>
        <source>below the rest of area {0}: {1:.0f} % estimated against {2:.0f} % for the area ({3} of {4} right)</source>
        <translation>por debajo del resto del área {0}: {1:.0f} % estimado frente a {2:.0f} % del área ({3} de {4} correctas)</translation>
    </message>
    <message>
        <source>easier</source>
        <translation>más fáciles</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>intermedias</translation>
    </message>
    <message>
        <source>harder</source>
        <translation>más difíciles</translation>
    </message>
    <message>
        <source>practise to measure: area {0} is estimated {1:.0f}-{2:.0f} % on {3} answers; {4} items of this task ({5} answered) narrow your expected score the most</source>
        <translation>practique para medir: el área {0} se estima en {1:.0f}-{2:.0f} % según {3} respuestas; las preguntas {4} de esta tarea ({5} respondidas) son las que más precisan su puntaje esperado</translation>
    </message>
    <message>
        <source>Area {0} is both your lowest and where you lose the most items</source>
        <translation>El área {0} es a la vez la más baja y donde pierde más preguntas</translation>
    </message>
    <message>
        <source>Area {0} has your lowest mastery, but it has only {1} items on the test (about {2:.1f} lost); area {3} costs more ({4:.1f} items), so it comes first</source>
        <translation>El área {0} tiene su dominio más bajo, pero solo tiene {1} preguntas en la prueba (unas {2:.1f} perdidas); el área {3} cuesta más ({4:.1f} preguntas), así que va primero</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <source>Navigator legend</source>
        <translation>Leyenda del navegador</translation>
    </message>
    <message>
        <source>Question navigator</source>
        <translation>Navegador de preguntas</translation>
    </message>
    <message>
        <source>right</source>
        <translation>correcta</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>incorrecta</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>respondida</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>sin responder</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>marcada</translation>
    </message>
    <message>
        <source>flagged, answered</source>
        <translation>marcada, respondida</translation>
    </message>
</context>
<context>
    <name>NavigatorButton</name>
    <message>
        <source>answered, right</source>
        <translation>respondida, correcta</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>respondida</translation>
    </message>
    <message>
        <source>answered, wrong</source>
        <translation>respondida, incorrecta</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>sin responder</translation>
    </message>
    <message>
        <source>flagged for review, not answered</source>
        <translation>marcada para revisión, sin responder</translation>
    </message>
    <message>
        <source>flagged for review, answered wrong</source>
        <translation>marcada para revisión, respondida incorrectamente</translation>
    </message>
    <message>
        <source>flagged for review, answered right</source>
        <translation>marcada para revisión, respondida correctamente</translation>
    </message>
    <message>
        <source>flagged for review, answered</source>
        <translation>marcada para revisión, respondida</translation>
    </message>
    <message>
        <source>Question {0}, {1}</source>
        <translation>Pregunta {0}, {1}</translation>
    </message>
</context>
<context>
    <name>Plan</name>
    <message>
        <source>Mon</source>
        <translation>Lun</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Mar</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mié</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Jue</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Vie</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sáb</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Dom</translation>
    </message>
    <message>
        <source>ddd d MMMM</source>
        <comment>a day as a Qt date format</comment>
        <translation>ddd d &apos;de&apos; MMMM</translation>
    </message>
    <message>
        <source>Full timed mock exam</source>
        <translation>Simulacro completo cronometrado</translation>
    </message>
    <message>
        <source>Recertification practice form</source>
        <translation>Prueba de recertificación de práctica</translation>
    </message>
    <message>
        <source>Spaced review of missed questions</source>
        <translation>Repaso espaciado de preguntas falladas</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Área</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Drill: {what} {key} {title}</source>
        <translation>Ejercicio: {what} {key} {title}</translation>
    </message>
    <message>
        <source>Mixed practice drill</source>
        <translation>Ejercicio de práctica mixta</translation>
    </message>
    <message numerus="yes">
        <source>(first %n review(s) due)</source>
        <translation>
            <numerusform>(empezando por %n repaso pendiente)</numerusform>
            <numerusform>(empezando por %n repasos pendientes)</numerusform>
        </translation>
    </message>
    <message>
        <source>No test date booked yet (set one in Study plan).</source>
        <translation>Todavía no hay fecha de prueba reservada (fíjela en Plan de estudio).</translation>
    </message>
    <message numerus="yes">
        <source>{code} test on {day} (%n day(s)).</source>
        <translation>
            <numerusform>Prueba {code} el {day} (en %n día).</numerusform>
            <numerusform>Prueba {code} el {day} (en %n días).</numerusform>
        </translation>
    </message>
    <message>
        <source>Today: {what}, {minutes} min.</source>
        <translation>Hoy: {what}, {minutes} min.</translation>
    </message>
    <message>
        <source>Start today&apos;s session</source>
        <translation>Empezar la sesión de hoy</translation>
    </message>
    <message>
        <source>Nothing is planned.</source>
        <translation>No hay nada planeado.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Empezar</translation>
    </message>
    <message>
        <source>Today&apos;s session is done.</source>
        <translation>Ya completó la sesión de hoy.</translation>
    </message>
    <message>
        <source>No session planned for today.</source>
        <translation>No hay sesión planeada para hoy.</translation>
    </message>
    <message>
        <source>{lead} Next: {day}, {what}.</source>
        <translation>{lead} Siguiente: {day}, {what}.</translation>
    </message>
    <message>
        <source>Do the next one now</source>
        <translation>Hacer la siguiente ahora</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Study plan</source>
        <translation>Plan de estudio</translation>
    </message>
    <message>
        <source>Weeks ahead</source>
        <translation>Próximas semanas</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>Export to calendar (.ics)...</source>
        <translation>Exportar al calendario (.ics)...</translation>
    </message>
    <message>
        <source>Plan settings</source>
        <translation>Ajustes del plan</translation>
    </message>
    <message>
        <source>Test date</source>
        <translation>Fecha de la prueba</translation>
    </message>
    <message>
        <source>Not booked yet</source>
        <translation>Aún no reservada</translation>
    </message>
    <message>
        <source>Test date:</source>
        <translation>Fecha de la prueba:</translation>
    </message>
    <message>
        <source>Study evenings:</source>
        <translation>Noches de estudio:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Minutes per session</source>
        <translation>Minutos por sesión</translation>
    </message>
    <message>
        <source>Certification</source>
        <translation>Certificación</translation>
    </message>
    <message>
        <source>Recertification</source>
        <translation>Recertificación</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Goal:</source>
        <translation>Objetivo:</translation>
    </message>
    <message>
        <source>Save and re-plan</source>
        <translation>Guardar y rehacer el plan</translation>
    </message>
    <message>
        <source>Each session:</source>
        <translation>Cada sesión:</translation>
    </message>
    <message>
        <source>{code} {title} - {profile}</source>
        <translation>{code} {title} - {profile}</translation>
    </message>
    <message>
        <source>Done {done} of {planned} planned evenings since {since}.</source>
        <translation>Completó {done} de {planned} noches planeadas desde {since}.</translation>
    </message>
    <message>
        <source>Suggested plan: save it to keep track of your evenings.</source>
        <translation>Plan sugerido: guárdelo para llevar la cuenta de sus noches de estudio.</translation>
    </message>
    <message>
        <source>Week of {day}</source>
        <translation>Semana del {day}</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n sesión</numerusform>
            <numerusform>%n sesiones</numerusform>
        </translation>
    </message>
    <message>
        <source>{day} (today)</source>
        <translation>{day} (hoy)</translation>
    </message>
</context>
<context>
    <name>PlanError</name>
    <message>
        <source>Choose at least one evening of the week to study.</source>
        <translation>Elija al menos una noche de la semana para estudiar.</translation>
    </message>
    <message>
        <source>A session lasts between {0} and {1} minutes; {2} is outside that.</source>
        <translation>Una sesión dura entre {0} y {1} minutos; {2} está fuera de ese rango.</translation>
    </message>
    <message>
        <source>no profile called &apos;{0}&apos;</source>
        <translation>no hay ningún perfil llamado &apos;{0}&apos;</translation>
    </message>
    <message>
        <source>no test &apos;{0}&apos; is loaded</source>
        <translation>no hay ninguna prueba &apos;{0}&apos; cargada</translation>
    </message>
    <message>
        <source>Enter the test code as printed on the certificate, for example A5.</source>
        <translation>Escriba el código de la prueba como aparece en el certificado, por ejemplo A5.</translation>
    </message>
    <message>
        <source>A result cannot be dated in the future; check the date.</source>
        <translation>Un resultado no puede tener una fecha futura; revise la fecha.</translation>
    </message>
</context>
<context>
    <name>Planner</name>
    <message>
        <source>No test date booked: the plan shows the next four weeks.</source>
        <translation>Sin fecha de prueba reservada: el plan muestra las próximas cuatro semanas.</translation>
    </message>
    <message>
        <source>The test date has passed. Record the result in Certifications, or set a new date.</source>
        <translation>La fecha de la prueba ya pasó. Registre el resultado en Certificaciones o fije una fecha nueva.</translation>
    </message>
    <message>
        <source>The test is today. No more study sessions are planned - good luck.</source>
        <translation>La prueba es hoy. No hay más sesiones de estudio planeadas. ¡Buena suerte!</translation>
    </message>
    <message>
        <source>No study evening falls before the test date.</source>
        <translation>No hay ninguna noche de estudio antes de la fecha de la prueba.</translation>
    </message>
    <message>
        <source>A mock takes {0} minutes, longer than your {1}-minute sessions: keep that evening free.</source>
        <translation>Un simulacro dura {0} minutos, más que sus sesiones de {1} minutos: deje esa noche libre.</translation>
    </message>
</context>
<context>
    <name>PracticeDialog</name>
    <message>
        <source>Practice - {0}</source>
        <translation>Práctica - {0}</translation>
    </message>
    <message>
        <source>Choose content areas or single tasks (none = the whole test). Questions you missed and have not seen come first; each answer shows the explanation at once.</source>
        <translation>Elija áreas de contenido o tareas sueltas (ninguna = toda la prueba). Primero vienen las preguntas que falló y las que no ha visto; cada respuesta muestra la explicación enseguida.</translation>
    </message>
    <message>
        <source>Area / task</source>
        <translation>Área / tarea</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <source>Areas and tasks</source>
        <translation>Áreas y tareas</translation>
    </message>
    <message>
        <source>Number of questions</source>
        <translation>Número de preguntas</translation>
    </message>
    <message>
        <source>Time me at the real test&apos;s pace</source>
        <translation>Cronometrarme al ritmo de la prueba real</translation>
    </message>
    <message>
        <source>Number of questions:</source>
        <translation>Número de preguntas:</translation>
    </message>
    <message>
        <source>Start practice</source>
        <translation>Empezar la práctica</translation>
    </message>
</context>
<context>
    <name>PracticeFeedback</name>
    <message>
        <source>Feedback</source>
        <translation>Retroalimentación</translation>
    </message>
    <message>
        <source>your answer, correct</source>
        <translation>su respuesta, correcta</translation>
    </message>
    <message>
        <source>correct answer</source>
        <translation>respuesta correcta</translation>
    </message>
    <message>
        <source>your answer, wrong</source>
        <translation>su respuesta, incorrecta</translation>
    </message>
    <message>
        <source>Correct.</source>
        <translation>Correcto.</translation>
    </message>
    <message>
        <source>Incorrect.</source>
        <translation>Incorrecto.</translation>
    </message>
    <message>
        <source>The answer is {0}.</source>
        <translation>La respuesta es {0}.</translation>
    </message>
    <message>
        <source>Not quite.</source>
        <translation>No es la correcta.</translation>
    </message>
    <message>
        <source>right</source>
        <translation>correcta</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>incorrecta</translation>
    </message>
</context>
<context>
    <name>ProfileError</name>
    <message>
        <source>That profile no longer exists.</source>
        <translation>Ese perfil ya no existe.</translation>
    </message>
    <message>
        <source>A profile called &apos;{0}&apos; already exists.</source>
        <translation>Ya existe un perfil llamado &apos;{0}&apos;.</translation>
    </message>
    <message>
        <source>A profile needs a name.</source>
        <translation>Un perfil necesita un nombre.</translation>
    </message>
    <message>
        <source>Profile names are limited to {0} characters.</source>
        <translation>Los nombres de perfil tienen un límite de {0} caracteres.</translation>
    </message>
    <message>
        <source>The time multiplier must be between 1.0 and 3.0.</source>
        <translation>El multiplicador de tiempo debe estar entre 1.0 y 3.0.</translation>
    </message>
</context>
<context>
    <name>ProfileFlow</name>
    <message>
        <source>New profile</source>
        <translation>Nuevo perfil</translation>
    </message>
    <message>
        <source>Learner&apos;s name:</source>
        <translation>Nombre del estudiante:</translation>
    </message>
    <message>
        <source>Adding the profile...</source>
        <translation>Agregando el perfil...</translation>
    </message>
    <message>
        <source>Loading the profiles...</source>
        <translation>Cargando los perfiles...</translation>
    </message>
</context>
<context>
    <name>ProfilesDialog</name>
    <message>
        <source>Extra time:</source>
        <translation>Tiempo adicional:</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>&lt;b&gt;Accommodations for {name}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Adaptaciones para {name}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Accommodations&lt;/b&gt;</source>
        <translation>&lt;b&gt;Adaptaciones&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>Cambios sin guardar.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Nuevo perfil</translation>
    </message>
    <message>
        <source>Learner&apos;s name:</source>
        <translation>Nombre del estudiante:</translation>
    </message>
    <message>
        <source>Rename profile</source>
        <translation>Cambiar el nombre del perfil</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nombre nuevo:</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Perfiles</translation>
    </message>
    <message>
        <source>Profiles and accommodations</source>
        <translation>Perfiles y adaptaciones</translation>
    </message>
    <message>
        <source>New...</source>
        <translation>Nuevo...</translation>
    </message>
    <message>
        <source>Rename...</source>
        <translation>Cambiar nombre...</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>Eliminar...</translation>
    </message>
    <message>
        <source> x time</source>
        <translation> x tiempo</translation>
    </message>
    <message>
        <source>Time multiplier</source>
        <translation>Multiplicador de tiempo</translation>
    </message>
    <message>
        <source>Hide the countdown (a button shows it on demand)</source>
        <translation>Ocultar la cuenta regresiva (un botón la muestra cuando se pida)</translation>
    </message>
    <message>
        <source>Hide the countdown</source>
        <translation>Ocultar la cuenta regresiva</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Idioma de la interfaz</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Guardar cambios</translation>
    </message>
    <message numerus="yes">
        <source>{name}  (%n attempt(s))</source>
        <translation>
            <numerusform>{name}  (%n intento)</numerusform>
            <numerusform>{name}  (%n intentos)</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Save the changes for {name}?</source>
        <translation>¿Guardar los cambios de {name}?</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Eliminar perfil</translation>
    </message>
    <message>
        <source>Delete {0} and all of their attempts? This cannot be undone.</source>
        <translation>¿Eliminar a {0} y todos sus intentos? Esto no se puede deshacer.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Saved: {name} gets {x:g} x time; the countdown is {shown}; language: {language}.</source>
        <translation>Guardado: {name} tiene {x:g} x tiempo; la cuenta regresiva está {shown}; idioma: {language}.</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>oculta</translation>
    </message>
    <message>
        <source>shown</source>
        <translation>visible</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <source>no answers yet</source>
        <translation>sin respuestas aún</translation>
    </message>
    <message>
        <source>not enough data ({0})</source>
        <translation>datos insuficientes ({0})</translation>
    </message>
    <message>
        <source>No answers yet for this test. Sit a mock exam or a practice set and this page will show how ready you are and what to study next.</source>
        <translation>Todavía no hay respuestas para esta prueba. Haga un simulacro o una práctica y esta página mostrará qué tan preparado está y qué estudiar ahora.</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>aún no hay</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>aprobado</translation>
    </message>
    <message>
        <source>below target</source>
        <translation>bajo la meta</translation>
    </message>
    <message>
        <source>Full mock exams: {0}. Recertification tests: {1}.</source>
        <translation>Simulacros completos: {0}. Pruebas de recertificación: {1}.</translation>
    </message>
    <message>
        <source>Export PDF...</source>
        <translation>Exportar PDF...</translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation>Exportar CSV...</translation>
    </message>
    <message>
        <source>Back to home</source>
        <translation>Volver al inicio</translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation>Preparación</translation>
    </message>
    <message>
        <source>Start review</source>
        <translation>Empezar el repaso</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Items at stake</source>
        <translation>Preguntas en juego</translation>
    </message>
    <message>
        <source>Study next</source>
        <translation>Qué estudiar ahora</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Area / task</source>
        <translation>Área / tarea</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Respondidas</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Correctas</translation>
    </message>
    <message>
        <source>Mastery (80 % band)</source>
        <translation>Dominio (banda del 80 %)</translation>
    </message>
    <message>
        <source>Seconds per item</source>
        <translation>Segundos/pregunta</translation>
    </message>
    <message>
        <source>Mastery per area and task</source>
        <translation>Dominio por área y tarea</translation>
    </message>
    <message>
        <source>Areas and tasks</source>
        <translation>Áreas y tareas</translation>
    </message>
    <message>
        <source>Misconceptions</source>
        <translation>Conceptos erróneos</translation>
    </message>
    <message>
        <source>Lucky guesses</source>
        <translation>Aciertos por suerte</translation>
    </message>
    <message>
        <source>{0} {1} - progress of {2}</source>
        <translation>{0} {1} - progreso de {2}</translation>
    </message>
    <message numerus="yes">
        <source>Spaced review: &lt;b&gt;%n&lt;/b&gt; missed question(s) due now.</source>
        <translation>
            <numerusform>Repaso espaciado: &lt;b&gt;%n&lt;/b&gt; pregunta fallada pendiente ahora.</numerusform>
            <numerusform>Repaso espaciado: &lt;b&gt;%n&lt;/b&gt; preguntas falladas pendientes ahora.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Study next&lt;/b&gt; - ranked by the items each is expected to cost you on the real test (items on the form x chance of missing one)</source>
        <translation>&lt;b&gt;Qué estudiar ahora&lt;/b&gt; - ordenado según las preguntas que cada tema probablemente le costaría en la prueba real (preguntas en la prueba x probabilidad de fallar una)</translation>
    </message>
    <message>
        <source>Area {0}: {1}</source>
        <translation>Área {0}: {1}</translation>
    </message>
    <message>
        <source>Task {0}: {1}</source>
        <translation>Tarea {0}: {1}</translation>
    </message>
    <message>
        <source>{0:.1f} items</source>
        <translation>{0:.1f} preguntas</translation>
    </message>
    <message>
        <source>Drill</source>
        <translation>Practicar</translation>
    </message>
    <message>
        <source>Drill area {0}</source>
        <translation>Practicar el área {0}</translation>
    </message>
    <message>
        <source>Drill task {0}</source>
        <translation>Practicar la tarea {0}</translation>
    </message>
    <message>
        <source>{0:.0f} s ({1:.1f}x budget of {2:.0f} s)</source>
        <translation>{0:.0f} s ({1:.1f}x los {2:.0f} s asignados)</translation>
    </message>
    <message>
        <source>Area {0}</source>
        <translation>Área {0}</translation>
    </message>
    <message>
        <source>No distractor chosen more than once yet.</source>
        <translation>Todavía no ha elegido ningún distractor más de una vez.</translation>
    </message>
    <message>
        <source>You misjudged Technician A.</source>
        <translation>Juzgó mal al técnico A.</translation>
    </message>
    <message>
        <source>You misjudged Technician B.</source>
        <translation>Juzgó mal al técnico B.</translation>
    </message>
    <message>
        <source>You misjudged both technicians.</source>
        <translation>Juzgó mal a los dos técnicos.</translation>
    </message>
    <message numerus="yes">
        <source>chosen %n time(s):</source>
        <translation>
            <numerusform>elegida %n vez:</numerusform>
            <numerusform>elegida %n veces:</numerusform>
        </translation>
    </message>
    <message>
        <source>Why it is wrong: {0}</source>
        <translation>Por qué es incorrecta: {0}</translation>
    </message>
</context>
<context>
    <name>ProgressTexts</name>
    <message numerus="yes">
        <source>&lt;b&gt;Readiness: {0:.0f} %&lt;/b&gt; estimated chance of reaching the {1:.0f} % target on a full {2} form. Expected score {3:.0f} % (80 % range {4:.0f}-{5:.0f} %), from %n answer(s). The target is an estimate: ASE publishes no passing percentage.</source>
        <translation>
            <numerusform>&lt;b&gt;Preparación: {0:.0f} %&lt;/b&gt; de probabilidad estimada de alcanzar la meta de {1:.0f} % en una versión completa de {2}. Puntaje esperado {3:.0f} % (rango del 80 %: {4:.0f}-{5:.0f} %), según %n respuesta. La meta es un estimado: ASE no publica un porcentaje para aprobar.</numerusform>
            <numerusform>&lt;b&gt;Preparación: {0:.0f} %&lt;/b&gt; de probabilidad estimada de alcanzar la meta de {1:.0f} % en una versión completa de {2}. Puntaje esperado {3:.0f} % (rango del 80 %: {4:.0f}-{5:.0f} %), según %n respuestas. La meta es un estimado: ASE no publica un porcentaje para aprobar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No answers yet in %n content area(s) ({0}): their part of this estimate comes from your other areas, so answer some of their questions before you trust it.</source>
        <translation>
            <numerusform>Todavía no hay respuestas en %n área de contenido ({0}): esa parte del estimado se calcula con sus otras áreas, así que conteste algunas preguntas de esa área antes de confiar en él.</numerusform>
            <numerusform>Todavía no hay respuestas en %n áreas de contenido ({0}): esa parte del estimado se calcula con sus otras áreas, así que conteste algunas preguntas de esas áreas antes de confiar en él.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sat, last {0:.0f} % ({1})</source>
        <translation>
            <numerusform>%n en total; resultado más reciente: {0:.0f} % ({1})</numerusform>
            <numerusform>%n en total; resultado más reciente: {0:.0f} % ({1})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuestionPreviewModel</name>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
</context>
<context>
    <name>QuestionView</name>
    <message>
        <source>Question {0} of {1}</source>
        <translation>Pregunta {0} de {1}</translation>
    </message>
</context>
<context>
    <name>ReportError</name>
    <message>
        <source>no profile called &apos;{0}&apos;</source>
        <translation>no hay ningún perfil llamado &apos;{0}&apos;</translation>
    </message>
    <message>
        <source>no test &apos;{0}&apos; is loaded</source>
        <translation>no hay ninguna prueba &apos;{0}&apos; cargada</translation>
    </message>
</context>
<context>
    <name>ReportFlow</name>
    <message>
        <source>Loading your progress report...</source>
        <translation>Cargando su reporte de progreso...</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exportar el reporte</translation>
    </message>
    <message>
        <source>Preparing the PDF...</source>
        <translation>Preparando el PDF...</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Se guardó {0}</translation>
    </message>
    <message>
        <source>Class results</source>
        <translation>Resultados de la clase</translation>
    </message>
    <message>
        <source>Load a question bank first.</source>
        <translation>Primero cargue un banco de preguntas.</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>Cargando...</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>All questions</source>
        <translation>Todas las preguntas</translation>
    </message>
    <message>
        <source>Wrong</source>
        <translation>Incorrectas</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Marcadas</translation>
    </message>
    <message>
        <source>Unanswered</source>
        <translation>Sin responder</translation>
    </message>
    <message>
        <source>Research (unscored)</source>
        <translation>Investigación (sin puntaje)</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Área</translation>
    </message>
    <message>
        <source>Content area</source>
        <translation>Área de contenido</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Correctas</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntaje</translation>
    </message>
    <message>
        <source>Seconds per item</source>
        <translation>Segundos/pregunta</translation>
    </message>
    <message>
        <source>Score per content area</source>
        <translation>Puntaje por área de contenido</translation>
    </message>
    <message>
        <source>&lt;b&gt;Review the questions:&lt;/b&gt;</source>
        <translation>&lt;b&gt;Revise las preguntas:&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Practise the ones I got wrong</source>
        <translation>Practicar las que fallé</translation>
    </message>
    <message>
        <source>Back to home</source>
        <translation>Volver al inicio</translation>
    </message>
    <message>
        <source>My progress</source>
        <translation>Mi progreso</translation>
    </message>
    <message>
        <source>My progress and weak areas for this test</source>
        <translation>Mi progreso y áreas débiles en esta prueba</translation>
    </message>
    <message>
        <source>Show exhibit</source>
        <translation>Ver ilustración</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <source>Question review</source>
        <translation>Revisión de la pregunta</translation>
    </message>
    <message>
        <source>{0} {1} - Recertification test report</source>
        <translation>{0} {1} - Reporte de la prueba de recertificación</translation>
    </message>
    <message>
        <source>{0} {1} - Mock exam report</source>
        <translation>{0} {1} - Reporte del simulacro</translation>
    </message>
    <message>
        <source>{0} {1} - Practice report</source>
        <translation>{0} {1} - Reporte de la práctica</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} de {1}</translation>
    </message>
    <message>
        <source>Unscored research items: {0} of {1} correct (not counted in the score).</source>
        <translation>Preguntas de investigación sin puntaje: {0} de {1} correctas (no cuentan en el puntaje).</translation>
    </message>
    <message>
        <source>Score: &lt;b&gt;{0} of {1}&lt;/b&gt;</source>
        <translation>Puntaje: &lt;b&gt;{0} de {1}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Target {0:.0f} % - an estimate: ASE publishes no passing percentage; a panel sets each test&apos;s standard.</source>
        <translation>Meta {0:.0f} % - un estimado: ASE no publica un porcentaje para aprobar; un panel de expertos fija el criterio de aprobación de cada prueba.</translation>
    </message>
    <message>
        <source>Time used {0}; {1:.0f} s per item against a budget of {2:.0f} s per item. Answered {3} of {4}: {5}.</source>
        <translation>Tiempo usado {0}; {1:.0f} s por pregunta frente a {2:.0f} s asignados por pregunta. Respondidas {3} de {4}: {5}.</translation>
    </message>
    <message>
        <source>Area {0}: {1:.0f} percent</source>
        <translation>Área {0}: {1:.0f} por ciento</translation>
    </message>
    <message>
        <source>Practise the {0} I got wrong and {1} unanswered</source>
        <translation>Practicar {0} falladas y {1} sin responder</translation>
    </message>
    <message numerus="yes">
        <source>Practise the %n I left unanswered</source>
        <translation>
            <numerusform>Practicar la %n que dejé sin responder</numerusform>
            <numerusform>Practicar las %n que dejé sin responder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Practise the %n I got wrong</source>
        <translation>
            <numerusform>Practicar la %n que fallé</numerusform>
            <numerusform>Practicar las %n que fallé</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to practise</source>
        <translation>Nada que practicar</translation>
    </message>
    <message>
        <source>right</source>
        <translation>correcta</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>incorrecta</translation>
    </message>
    <message>
        <source>unanswered</source>
        <translation>sin responder</translation>
    </message>
    <message>
        <source>, flagged</source>
        <translation>, marcada</translation>
    </message>
    <message>
        <source>Q{0} - {1}{2} - {3}</source>
        <translation>P{0} - {1}{2} - {3}</translation>
    </message>
    <message>
        <source>No questions match this filter.</source>
        <translation>Ninguna pregunta coincide con este filtro.</translation>
    </message>
    <message>
        <source>Practice: no pass estimate from {n} questions - sit a mock exam for one.</source>
        <translation>Práctica: no hay estimado de aprobación con {n} preguntas; haga un simulacro para obtenerlo.</translation>
    </message>
    <message>
        <source>Estimated result: PASS</source>
        <translation>Resultado estimado: APROBADO</translation>
    </message>
    <message>
        <source>Estimated result: NOT YET</source>
        <translation>Resultado estimado: TODAVÍA NO</translation>
    </message>
    <message>
        <source>{0} wrong, {1} unanswered</source>
        <translation>{0} incorrectas, {1} sin responder</translation>
    </message>
    <message>
        <source>Question {0}</source>
        <translation>Pregunta {0}</translation>
    </message>
    <message>
        <source>Question {0} (unscored research item)</source>
        <translation>Pregunta {0} (pregunta de investigación sin puntaje)</translation>
    </message>
    <message>
        <source>{0} {1} - task {2}: {3}</source>
        <translation>{0} {1} - tarea {2}: {3}</translation>
    </message>
    <message>
        <source>Exhibit: {0}</source>
        <translation>Ilustración: {0}</translation>
    </message>
    <message>
        <source>key</source>
        <translation>respuesta correcta</translation>
    </message>
    <message>
        <source>your answer</source>
        <translation>su respuesta</translation>
    </message>
    <message>
        <source>You did not answer this question.</source>
        <translation>Usted no respondió esta pregunta.</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Por qué:</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <source>Area</source>
        <translation>Área</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Ítems</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Resp.</translation>
    </message>
    <message>
        <source>Mastery (80 % band)</source>
        <translation>Dominio (banda del 80 %)</translation>
    </message>
    <message>
        <source>Seconds per item</source>
        <translation>Segundos por pregunta</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Mastery</source>
        <translation>Dominio</translation>
    </message>
    <message>
        <source>{0} (continued)</source>
        <translation>{0} (continuación)</translation>
    </message>
    <message>
        <source>Study plan</source>
        <translation>Plan de estudio</translation>
    </message>
    <message>
        <source>No plan for this test.</source>
        <translation>No hay plan para esta prueba.</translation>
    </message>
    <message numerus="yes">
        <source>test date {0} (%n day(s))</source>
        <translation>
            <numerusform>fecha de la prueba {0} (en %n día)</numerusform>
            <numerusform>fecha de la prueba {0} (en %n días)</numerusform>
        </translation>
    </message>
    <message>
        <source>no test date booked</source>
        <translation>sin fecha de prueba reservada</translation>
    </message>
    <message>
        <source>Done {0} of {1} planned evenings since {2}.</source>
        <translation>Completó {0} de {1} noches planeadas desde {2}.</translation>
    </message>
    <message>
        <source>Suggested plan (not saved yet).</source>
        <translation>Plan sugerido (aún sin guardar).</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) a session</source>
        <translation>
            <numerusform>%n minuto por sesión</numerusform>
            <numerusform>%n minutos por sesión</numerusform>
        </translation>
    </message>
    <message>
        <source>goal {0}</source>
        <translation>objetivo {0}</translation>
    </message>
    <message numerus="yes">
        <source>... and %n more session(s)</source>
        <translation>
            <numerusform>... y %n sesión más</numerusform>
            <numerusform>... y %n sesiones más</numerusform>
        </translation>
    </message>
    <message>
        <source>No sessions planned.</source>
        <translation>No hay sesiones planeadas.</translation>
    </message>
    <message>
        <source>Certifications</source>
        <translation>Certificaciones</translation>
    </message>
    <message>
        <source>passed {0}</source>
        <translation>aprobada el {0}</translation>
    </message>
    <message>
        <source>expires {0}</source>
        <translation>vence el {0}</translation>
    </message>
    <message>
        <source>recertify from {0}</source>
        <translation>recertificar desde el {0}</translation>
    </message>
    <message>
        <source>retake from {0}</source>
        <translation>repetir desde el {0}</translation>
    </message>
    <message>
        <source>a lapse would end {0}</source>
        <translation>si vence, perdería {0}</translation>
    </message>
    <message>
        <source>None entered yet.</source>
        <translation>Ninguna registrada aún.</translation>
    </message>
    <message>
        <source>about {0:.1f} items at stake</source>
        <translation>unas {0:.1f} preguntas en juego</translation>
    </message>
    <message numerus="yes">
        <source>{0}: chose {1} ({2}) %n time(s).</source>
        <translation>
            <numerusform>{0}: eligió {1} ({2}) %n vez.</numerusform>
            <numerusform>{0}: eligió {1} ({2}) %n veces.</numerusform>
        </translation>
    </message>
    <message>
        <source>Content areas</source>
        <translation>Áreas de contenido</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tareas</translation>
    </message>
    <message>
        <source>Study next</source>
        <translation>Qué estudiar ahora</translation>
    </message>
    <message>
        <source>Misconceptions</source>
        <translation>Conceptos erróneos</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>Ninguno aún.</translation>
    </message>
    <message>
        <source>Answer some questions first.</source>
        <translation>Primero responda algunas preguntas.</translation>
    </message>
    <message>
        <source>Weak-area report for &lt;b&gt;{0}&lt;/b&gt;, generated {1}.</source>
        <translation>Reporte de áreas débiles de &lt;b&gt;{0}&lt;/b&gt;, generado el {1}.</translation>
    </message>
    <message numerus="yes">
        <source>Spaced review: %n missed question(s) due.</source>
        <translation>
            <numerusform>Repaso espaciado: %n pregunta fallada pendiente.</numerusform>
            <numerusform>Repaso espaciado: %n preguntas falladas pendientes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Seconds per item against a budget of {0:.0f} s per item.</source>
        <translation>Segundos por pregunta frente a {0:.0f} s asignados por pregunta.</translation>
    </message>
    <message>
        <source>BayReady {0} report - {1}</source>
        <translation>Reporte {0} de BayReady - {1}</translation>
    </message>
    <message>
        <source>BayReady - {0} - {1} - page {2} of {3}</source>
        <translation>BayReady - {0} - {1} - página {2} de {3}</translation>
    </message>
</context>
<context>
    <name>ResumeDialog</name>
    <message>
        <source>Resume an attempt</source>
        <translation>Reanudar un intento</translation>
    </message>
    <message>
        <source>These attempts are still in progress. Choose one to resume; the others stay saved. Time while BayReady was closed is not counted.</source>
        <translation>Estos intentos siguen en curso. Elija uno para reanudarlo; los demás quedan guardados. El tiempo con BayReady cerrado no cuenta.</translation>
    </message>
    <message>
        <source>Attempts in progress</source>
        <translation>Intentos en curso</translation>
    </message>
    <message>
        <source>, {t} left</source>
        <translation>, quedan {t}</translation>
    </message>
    <message>
        <source>{code} {mode}: {answered} of {items} answered{left}</source>
        <translation>{code}, {mode}: {answered} de {items} respondidas{left}</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Unanswered questions</source>
        <translation>Preguntas sin responder</translation>
    </message>
    <message>
        <source>Flagged for review</source>
        <translation>Marcadas para revisión</translation>
    </message>
    <message>
        <source>Return to the questions</source>
        <translation>Volver a las preguntas</translation>
    </message>
    <message>
        <source>Submit exam...</source>
        <translation>Entregar el examen...</translation>
    </message>
    <message>
        <source>Finish practice...</source>
        <translation>Terminar la práctica...</translation>
    </message>
    <message>
        <source>Submit exam</source>
        <translation>Entregar el examen</translation>
    </message>
    <message>
        <source>Finish practice</source>
        <translation>Terminar la práctica</translation>
    </message>
    <message>
        <source>Review before submitting</source>
        <translation>Revisar antes de entregar</translation>
    </message>
    <message>
        <source>Review before finishing</source>
        <translation>Revisar antes de terminar</translation>
    </message>
    <message>
        <source>You have answered {0} of {1} questions. Select a question below to go back to it. An unanswered question earns no points.</source>
        <translation>Ha respondido {0} de {1} preguntas. Seleccione una pregunta abajo para volver a ella. Una pregunta sin responder no suma puntos.</translation>
    </message>
    <message>
        <source>Unanswered ({0})</source>
        <translation>Sin responder ({0})</translation>
    </message>
    <message>
        <source>Flagged for review ({0})</source>
        <translation>Marcadas para revisión ({0})</translation>
    </message>
    <message>
        <source>Question {0}</source>
        <translation>Pregunta {0}</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>respondida</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>sin responder</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
</context>
<context>
    <name>StartupRunner</name>
    <message>
        <source>BayReady cannot open its database</source>
        <translation>BayReady no puede abrir su base de datos</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Opening the question banks...</source>
        <translation>Abriendo los bancos de preguntas...</translation>
    </message>
</context>
<context>
    <name>StudyFlow</name>
    <message>
        <source>Start</source>
        <translation>Empezar</translation>
    </message>
    <message>
        <source>Planning...</source>
        <translation>Planificando...</translation>
    </message>
    <message>
        <source>Study plan</source>
        <translation>Plan de estudio</translation>
    </message>
    <message>
        <source>Export the study plan</source>
        <translation>Exportar el plan de estudio</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>Calendario (*.ics)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation>Se guardó {file}</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>Cargando...</translation>
    </message>
    <message>
        <source>Loading the certifications...</source>
        <translation>Cargando las certificaciones...</translation>
    </message>
</context>
<context>
    <name>TestTableModel</name>
    <message>
        <source>Test</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Questions available</source>
        <translation>Preguntas disponibles</translation>
    </message>
    <message>
        <source>Scored items</source>
        <translation>Preguntas con puntaje</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>Last mock</source>
        <translation>Último simulacro</translation>
    </message>
    <message>
        <source>Review due</source>
        <translation>Repaso pendiente</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>aprobado</translation>
    </message>
    <message>
        <source>below target</source>
        <translation>bajo la meta</translation>
    </message>
    <message>
        <source>{0} - resume</source>
        <translation>{0} - reanudar</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New profile...</source>
        <translation>&amp;Nuevo perfil...</translation>
    </message>
    <message>
        <source>&amp;Profiles and accommodations...</source>
        <translation>&amp;Perfiles y adaptaciones...</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Prueba</translation>
    </message>
    <message>
        <source>Start &amp;mock exam</source>
        <translation>Empezar &amp;simulacro</translation>
    </message>
    <message>
        <source>&amp;Practice...</source>
        <translation>Prá&amp;ctica...</translation>
    </message>
    <message>
        <source>&amp;Resume an attempt...</source>
        <translation>&amp;Reanudar un intento...</translation>
    </message>
    <message>
        <source>Re&amp;view missed</source>
        <translation>Repasar &amp;falladas</translation>
    </message>
    <message>
        <source>My pro&amp;gress and study plan</source>
        <translation>Mi pro&amp;greso y plan de estudio</translation>
    </message>
    <message>
        <source>Study p&amp;lan...</source>
        <translation>P&amp;lan de estudio...</translation>
    </message>
    <message>
        <source>&amp;Certifications...</source>
        <translation>C&amp;ertificaciones...</translation>
    </message>
    <message>
        <source>&amp;Instructor</source>
        <translation>&amp;Instructor</translation>
    </message>
    <message>
        <source>&amp;Instructor mode</source>
        <translation>Modo &amp;instructor</translation>
    </message>
    <message>
        <source>&amp;Question banks...</source>
        <translation>&amp;Bancos de preguntas...</translation>
    </message>
    <message>
        <source>&amp;Class results...</source>
        <translation>Resultados de la &amp;clase...</translation>
    </message>
    <message>
        <source>Set or change the &amp;PIN...</source>
        <translation>Fijar o cambiar el &amp;PIN...</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>BayReady &amp;help</source>
        <translation>A&amp;yuda de BayReady</translation>
    </message>
    <message>
        <source>&amp;About BayReady</source>
        <translation>&amp;Acerca de BayReady</translation>
    </message>
    <message>
        <source>&amp;System default</source>
        <translation>Idioma del &amp;sistema</translation>
    </message>
</context>
</TS>
