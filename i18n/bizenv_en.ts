<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../bizenv_desktop/app.py" line="56"/>
        <source>无法打开数据库</source>
        <translation>Cannot Open the Database</translation>
    </message>
</context>
<context>
    <name>AssignmentEditor</name>
    <message>
        <location filename="../bizenv_desktop/ui/assignment_editor.py" line="14"/>
        <source>牵头</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/assignment_editor.py" line="15"/>
        <source>负责</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/assignment_editor.py" line="16"/>
        <source>配合</source>
        <translation>Cooperating</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/assignment_editor.py" line="26"/>
        <source>处室 / 分组</source>
        <translation>Division / group</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/assignment_editor.py" line="26"/>
        <source>职责</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/assignment_editor.py" line="30"/>
        <source>添加处室</source>
        <translation>Add Division</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/assignment_editor.py" line="31"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/assignment_editor.py" line="32"/>
        <source>上移</source>
        <translation>Move Up</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/assignment_editor.py" line="33"/>
        <source>下移</source>
        <translation>Move Down</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/assignment_editor.py" line="58"/>
        <source>（分组）</source>
        <translation> (group)</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/assignment_editor.py" line="60"/>
        <source>（已停用）</source>
        <translation> (retired)</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../bizenv_desktop/ui/controller.py" line="71"/>
        <source>操作与已有数据冲突，未作任何修改：%1</source>
        <translation>The action conflicts with existing data; nothing was changed: %1</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/controller.py" line="74"/>
        <source>无法写入数据库，未作任何修改：%1。请检查磁盘空间和文件权限。</source>
        <translation>Cannot write to the database; nothing was changed: %1. Please check the free disk space and the file permissions.</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/controller.py" line="83"/>
        <source>无法完成操作</source>
        <translation>Cannot Complete the Action</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <location filename="../bizenv_desktop/ui/detail_view.py" line="37"/>
        <source>一级指标</source>
        <translation>First-level indicator</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/detail_view.py" line="37"/>
        <source>二级指标</source>
        <translation>Second-level indicator</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/detail_view.py" line="38"/>
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/detail_view.py" line="44"/>
        <source>类型/目标</source>
        <translation>Type/target</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/detail_view.py" line="46"/>
        <source>分值</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/detail_view.py" line="48"/>
        <source>（分组）</source>
        <translation> (group)</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/detail_view.py" line="48"/>
        <source>（已停用）</source>
        <translation> (retired)</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/detail_view.py" line="53"/>
        <location filename="../bizenv_desktop/ui/detail_view.py" line="59"/>
        <location filename="../bizenv_desktop/ui/detail_view.py" line="69"/>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/detail_view.py" line="59"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/detail_view.py" line="59"/>
        <source>任务内容</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/detail_view.py" line="59"/>
        <location filename="../bizenv_desktop/ui/detail_view.py" line="67"/>
        <source>责任处室</source>
        <translation>Responsible division</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/detail_view.py" line="59"/>
        <location filename="../bizenv_desktop/ui/detail_view.py" line="68"/>
        <source>责任人</source>
        <translation>Person responsible</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/detail_view.py" line="67"/>
        <source>（未指定）</source>
        <translation>(not specified)</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/detail_view.py" line="69"/>
        <source>（未设定）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location filename="lupdate_extra.py" line="12"/>
        <source>选择左侧的一行查看详情。</source>
        <translation>Select a row on the left to see its details.</translation>
    </message>
    <message>
        <location filename="lupdate_extra.py" line="13"/>
        <source>维度</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <location filename="lupdate_extra.py" line="14"/>
        <source>一级指标 %1 个，二级指标 %2 个</source>
        <translation>%1 first-level indicators, %2 second-level indicators</translation>
    </message>
    <message>
        <location filename="lupdate_extra.py" line="15"/>
        <source>考评内容及标准</source>
        <translation>Evaluation standard</translation>
    </message>
    <message>
        <location filename="lupdate_extra.py" line="16"/>
        <source>任务分解</source>
        <translation>Task breakdown</translation>
    </message>
    <message>
        <location filename="lupdate_extra.py" line="17"/>
        <source>子任务</source>
        <translation>Sub-task</translation>
    </message>
</context>
<context>
    <name>DivisionsDialog</name>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="28"/>
        <source>处室</source>
        <translation>Division</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="29"/>
        <source>直属单位</source>
        <translation>Affiliated unit</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="30"/>
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="59"/>
        <source>处室管理</source>
        <translation>Manage Divisions</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="63"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="63"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="63"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="63"/>
        <source>引用次数</source>
        <translation>References</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="69"/>
        <source>显示已停用</source>
        <translation>Show retired</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="70"/>
        <source>新增…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="71"/>
        <source>重命名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="72"/>
        <source>更改类型…</source>
        <translation>Change Type…</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="73"/>
        <source>合并到…</source>
        <translation>Merge Into…</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="74"/>
        <source>停用</source>
        <translation>Retire</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="75"/>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="76"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="77"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="122"/>
        <source>已合并到 %1</source>
        <translation>Merged into %1</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="124"/>
        <source>已停用 %1</source>
        <translation>Retired on %1</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="125"/>
        <source>在用</source>
        <translation>In use</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="206"/>
        <source>新增处室“%1”</source>
        <translation>Add division “%1”</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="214"/>
        <source>将“%1”改名为“%2”</source>
        <translation>Rename “%1” to “%2”</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="218"/>
        <source>将“%1”改为%2</source>
        <translation>Change the type of “%1” to %2</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="222"/>
        <source>将“%1”合并到“%2”</source>
        <translation>Merge “%1” into “%2”</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="226"/>
        <source>停用“%1”</source>
        <translation>Retire “%1”</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="230"/>
        <source>恢复“%1”</source>
        <translation>Restore “%1”</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="234"/>
        <source>删除“%1”</source>
        <translation>Delete “%1”</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="241"/>
        <source>“%1”的 %2 项指标分工和子任务将移到“%3”（两者都承担的指标只保留较重的职责），%4 条联络员登记也将改为“%3”。
“%1”随后停用，显示为“已合并到 %3”。此操作可以撤销。</source>
        <translation>%2 indicator assignments and sub-tasks of “%1” will move to “%3” (on indicators both share, only the heavier role is kept), and %4 liaison registrations will also change to “%3”.
“%1” is then retired and shown as “Merged into %3”. This can be undone.</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="263"/>
        <source>重命名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="263"/>
        <source>“%1”的新名称：</source>
        <translation>New name for “%1”:</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="273"/>
        <source>更改类型</source>
        <translation>Change Type</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="273"/>
        <source>“%1”的类型：</source>
        <translation>Type of “%1”:</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="284"/>
        <source>合并到</source>
        <translation>Merge Into</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="284"/>
        <source>把“%1”合并到：</source>
        <translation>Merge “%1” into:</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="289"/>
        <source>确认合并</source>
        <translation>Confirm Merge</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="297"/>
        <source>确认删除</source>
        <translation>Confirm Deletion</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="298"/>
        <source>删除“%1”？此操作可以撤销。</source>
        <translation>Delete “%1”? This can be undone.</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="107"/>
        <source>编辑事件</source>
        <translation>Edit event</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="107"/>
        <source>登记事件</source>
        <translation>Register event</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="119"/>
        <source>（未指定）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="125"/>
        <source>媒体名称、简报期号或会议名称</source>
        <translation>Media outlet, briefing issue or meeting name</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="131"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="131"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="131"/>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="132"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="132"/>
        <source>媒体/会议</source>
        <translation>Outlet/meeting</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="133"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="133"/>
        <source>计入指标</source>
        <translation>Counts for indicator</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="147"/>
        <source>（按类别自动选择）</source>
        <translation>(chosen by kind)</translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="25"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="25"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="26"/>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="26"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="27"/>
        <source>媒体/会议</source>
        <translation>Outlet/meeting</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="27"/>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="28"/>
        <source>佐证</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="29"/>
        <source>通报表扬</source>
        <translation>Commendation</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="30"/>
        <source>媒体宣传</source>
        <translation>Media report</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="31"/>
        <source>简报刊发</source>
        <translation>Briefing adopted</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="32"/>
        <source>全省推广</source>
        <translation>Provincial promotion</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="33"/>
        <source>国家级</source>
        <translation>National</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="33"/>
        <source>省级</source>
        <translation>Provincial</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="34"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="190"/>
        <source>全部类别</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="193"/>
        <source>新增…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="194"/>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="195"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="199"/>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="199"/>
        <source>类别：</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="256"/>
        <location filename="../bizenv_desktop/ui/events_view.py" line="265"/>
        <source>全部年份</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="258"/>
        <location filename="../bizenv_desktop/ui/events_view.py" line="265"/>
        <source>%1 年</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="264"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="266"/>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="293"/>
        <source>登记%1“%2”</source>
        <translation>Register %1 &quot;%2&quot;</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="303"/>
        <source>修改事件“%1”</source>
        <translation>Edit event &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="307"/>
        <source>删除事件“%1”</source>
        <translation>Delete event &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="339"/>
        <source>确认删除</source>
        <translation>Confirm deletion</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/events_view.py" line="339"/>
        <source>删除事件“%1”（%2）？此操作可以撤销。</source>
        <translation>Delete event &quot;%1&quot; (%2)? This can be undone.</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../bizenv_desktop/ui/evidence_panel.py" line="46"/>
        <source>佐证材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/evidence_panel.py" line="51"/>
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/evidence_panel.py" line="52"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/evidence_panel.py" line="53"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/evidence_panel.py" line="91"/>
        <source>%1（%2，%3 由 %4 添加）</source>
        <translation>%1 (%2, added %3 by %4)</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/evidence_panel.py" line="94"/>
        <source>【文件缺失】%1</source>
        <translation>[File missing] %1</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/evidence_panel.py" line="96"/>
        <source>SHA-256：%1
存储位置：%2</source>
        <translation>SHA-256: %1
Stored at: %2</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/evidence_panel.py" line="104"/>
        <source>选择一条记录后可添加佐证材料。</source>
        <translation>Select a record to add evidence.</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/evidence_panel.py" line="106"/>
        <source>该记录只读（例如所在月份已关闭），只能打开佐证材料，不能添加或移除。</source>
        <translation>This record is read-only (for example, its month is closed): evidence can be opened but not added or removed.</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/evidence_panel.py" line="108"/>
        <source>可将文件拖放到此处添加；文件会复制到数据库旁的佐证材料库，原文件移动或删除后仍可打开。</source>
        <translation>Drop files here to add them; they are copied into the evidence store beside the database and still open after the originals are moved or deleted.</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/evidence_panel.py" line="126"/>
        <source>选择佐证材料</source>
        <translation>Choose evidence files</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/evidence_panel.py" line="126"/>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/evidence_panel.py" line="136"/>
        <source>添加佐证材料“%1”</source>
        <translation>Add evidence &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/evidence_panel.py" line="152"/>
        <source>系统中没有能打开“%1”的程序。文件副本在：%2</source>
        <translation>No program on this computer can open &quot;%1&quot;. The copy is at: %2</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/evidence_panel.py" line="163"/>
        <source>移除佐证材料</source>
        <translation>Remove evidence</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/evidence_panel.py" line="164"/>
        <source>从此记录移除“%1”？
文件仍保留在佐证材料库中，其他记录对它的引用不受影响；可以撤销。</source>
        <translation>Remove &quot;%1&quot; from this record?
The file stays in the evidence store and other records that use it are not affected; this can be undone.</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/evidence_panel.py" line="168"/>
        <source>移除佐证材料“%1”</source>
        <translation>Remove evidence &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>IndicatorDialog</name>
    <message>
        <location filename="../bizenv_desktop/ui/indicator_dialog.py" line="20"/>
        <source>一级指标</source>
        <translation>First-level indicator</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/indicator_dialog.py" line="20"/>
        <source>二级指标</source>
        <translation>Second-level indicator</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/indicator_dialog.py" line="21"/>
        <source>%1 %2 %3</source>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/indicator_dialog.py" line="28"/>
        <source>例如：2026-12-31、每季度前5个工作日内</source>
        <translation>e.g. 2026-12-31, or within the first 5 working days of each quarter</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/indicator_dialog.py" line="33"/>
        <source>有分值</source>
        <translation>Scored</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/indicator_dialog.py" line="40"/>
        <source>考核的数值，例如：网上可办率</source>
        <translation>The value assessed, e.g. online availability rate</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/indicator_dialog.py" line="52"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/indicator_dialog.py" line="53"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/indicator_dialog.py" line="54"/>
        <source>考评内容及标准</source>
        <translation>Evaluation standard</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/indicator_dialog.py" line="55"/>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/indicator_dialog.py" line="60"/>
        <source>类型与目标</source>
        <translation>Type and target</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/indicator_dialog.py" line="62"/>
        <source>指标类型</source>
        <translation>Indicator type</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/indicator_dialog.py" line="66"/>
        <source>目标数值项</source>
        <translation>Target metric</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/indicator_dialog.py" line="67"/>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/indicator_dialog.py" line="68"/>
        <source>分值</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/indicator_dialog.py" line="72"/>
        <source>责任处室</source>
        <translation>Responsible divisions</translation>
    </message>
</context>
<context>
    <name>LiaisonDialog</name>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="108"/>
        <source>联络员登记</source>
        <translation>Liaison Register</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="113"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="113"/>
        <source>处室</source>
        <translation>Division</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="113"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="113"/>
        <source>任职开始</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="114"/>
        <source>任职结束</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="114"/>
        <source>报备日期</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="114"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="119"/>
        <source>登记新联络员…</source>
        <translation>Register New Liaison…</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="120"/>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="121"/>
        <source>标记已报备</source>
        <translation>Mark as Reported</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="122"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="123"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="169"/>
        <source>尚未登记现任联络员（指标 (2)：配备营商环境建设联络员，如有变更须及时报备）。</source>
        <translation>No current liaison is registered (indicator (2): appoint a business-environment liaison and report any change promptly).</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="172"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="173"/>
        <source>现任联络员：%1，%2 起任职。</source>
        <translation>Current liaison: %1, in office since %2.</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="175"/>
        <source>%1（%2 起）</source>
        <translation>%1 (from %2)</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="176"/>
        <source>尚未报备的变更：%1。</source>
        <translation> Changes not yet reported: %1.</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="176"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="177"/>
        <source>所有变更均已报备。</source>
        <translation> All changes have been reported.</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="189"/>
        <source>现任</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="190"/>
        <source>未报备</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="229"/>
        <source>登记联络员“%1”</source>
        <translation>Register liaison “%1”</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="239"/>
        <source>修改联络员“%1”</source>
        <translation>Edit liaison “%1”</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="245"/>
        <source>联络员“%1”已报备</source>
        <translation>Mark liaison “%1” as reported</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="249"/>
        <source>删除联络员“%1”</source>
        <translation>Delete liaison “%1”</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="283"/>
        <source>删除联络员“%1”（%2 起）的登记？此操作可以撤销。</source>
        <translation>Delete the registration of liaison “%1” (from %2)? This can be undone.</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="284"/>
        <source>确认删除</source>
        <translation>Confirm Deletion</translation>
    </message>
</context>
<context>
    <name>LiaisonForm</name>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="56"/>
        <source>编辑联络员</source>
        <translation>Edit Liaison</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="56"/>
        <source>登记新联络员</source>
        <translation>Register New Liaison</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="60"/>
        <source>（未指定）</source>
        <translation>(not specified)</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="68"/>
        <source>已离任</source>
        <translation>Left office</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="71"/>
        <source>已报备</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="76"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="77"/>
        <source>处室</source>
        <translation>Division</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="78"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="79"/>
        <source>任职开始</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="81"/>
        <source>任职结束</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="83"/>
        <source>报备日期</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/liaison_dialog.py" line="84"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="78"/>
        <source>指标体系</source>
        <translation>Indicator System</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="79"/>
        <source>月调度</source>
        <translation>Monthly Dispatch</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="81"/>
        <source>逐项自评</source>
        <translation>Self-evaluation</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="83"/>
        <source>宣传推广与表扬</source>
        <translation>Recognition &amp; promotion</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="89"/>
        <source>筛选：编号、名称、标准、处室……</source>
        <translation>Filter: no., name, standard, division…</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="121"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="123"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="125"/>
        <source>打开数据库(&amp;O)…</source>
        <translation>&amp;Open Database…</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="126"/>
        <source>导出佐证材料包(&amp;Z)…</source>
        <translation>Export evidence package (&amp;Z)…</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="127"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="128"/>
        <source>新增维度…</source>
        <translation>New Dimension…</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="129"/>
        <source>新增一级指标…</source>
        <translation>New First-Level Indicator…</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="130"/>
        <source>新增二级指标…</source>
        <translation>New Second-Level Indicator…</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="131"/>
        <source>新增子任务…</source>
        <translation>New Sub-task…</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="132"/>
        <source>属性(&amp;P)…</source>
        <translation>&amp;Properties…</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="133"/>
        <source>编辑所选行的全部内容</source>
        <translation>Edit everything in the selected row</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="134"/>
        <location filename="../bizenv_desktop/ui/main_window.py" line="439"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="135"/>
        <location filename="../bizenv_desktop/ui/main_window.py" line="458"/>
        <source>上移</source>
        <translation>Move Up</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="136"/>
        <location filename="../bizenv_desktop/ui/main_window.py" line="458"/>
        <source>下移</source>
        <translation>Move Down</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="137"/>
        <source>移动到…</source>
        <translation>Move To…</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="138"/>
        <location filename="../bizenv_desktop/ui/main_window.py" line="488"/>
        <source>重新编号</source>
        <translation>Renumber</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="139"/>
        <source>按顺序重编维度、一级和二级指标的编号</source>
        <translation>Renumber the dimensions, first-level and second-level indicators in their order</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="140"/>
        <source>筛选(&amp;F)</source>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="141"/>
        <source>从本年度创建新年度…</source>
        <translation>New Year from This Year…</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="142"/>
        <source>用内置方案创建年度…</source>
        <translation>New Year from the Built-in Plan…</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="143"/>
        <source>删除本年度…</source>
        <translation>Delete This Year…</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="144"/>
        <source>处室管理(&amp;D)…</source>
        <translation>Manage &amp;Divisions…</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="145"/>
        <source>联络员登记(&amp;L)…</source>
        <translation>&amp;Liaison Register…</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="146"/>
        <source>全部展开</source>
        <translation>Expand All</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="147"/>
        <source>全部折叠</source>
        <translation>Collapse All</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="148"/>
        <source>详情面板</source>
        <translation>Detail Panel</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="150"/>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="155"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="156"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="160"/>
        <source>年度(&amp;Y)</source>
        <translation>&amp;Year</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="161"/>
        <source>管理(&amp;M)</source>
        <translation>&amp;Manage</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="162"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="163"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="178"/>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="181"/>
        <location filename="../bizenv_desktop/ui/main_window.py" line="507"/>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="226"/>
        <source>%1 年度</source>
        <translation>Year %1</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="250"/>
        <source>营商环境考核评价工作台 — %1</source>
        <translation>Business Environment Assessment Workbench — %1</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="266"/>
        <source>没有年度方案</source>
        <translation>No plan year</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="272"/>
        <source>%1 年度：%2 个维度，%3 个一级指标，%4 个二级指标，%5 个子任务</source>
        <translation>Year %1: %2 dimensions, %3 first-level indicators, %4 second-level indicators, %5 sub-tasks</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="365"/>
        <source>新增维度</source>
        <translation>New Dimension</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="365"/>
        <location filename="../bizenv_desktop/ui/main_window.py" line="415"/>
        <source>维度名称：</source>
        <translation>Dimension name:</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="367"/>
        <source>新增维度“%1”</source>
        <translation>Add dimension “%1”</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="374"/>
        <source>新增一级指标</source>
        <translation>New First-Level Indicator</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="374"/>
        <source>一级指标名称：</source>
        <translation>First-level indicator name:</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="377"/>
        <source>新增一级指标“%1”</source>
        <translation>Add first-level indicator “%1”</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="388"/>
        <location filename="../bizenv_desktop/ui/main_window.py" line="390"/>
        <source>新增二级指标</source>
        <translation>New Second-Level Indicator</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="388"/>
        <source>请先新增一个一级指标。</source>
        <translation>Please add a first-level indicator first.</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="391"/>
        <source>在“%1”下新增二级指标，名称：</source>
        <translation>Name of the new second-level indicator under “%1”:</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="395"/>
        <source>新增二级指标“%1”</source>
        <translation>Add second-level indicator “%1”</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="406"/>
        <source>新增子任务“%1”</source>
        <translation>Add sub-task “%1”</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="415"/>
        <source>维度</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="417"/>
        <source>修改维度名称</source>
        <translation>Rename dimension</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="422"/>
        <source>编辑子任务“%1”</source>
        <translation>Edit sub-task “%1”</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="427"/>
        <source>编辑指标“%1”</source>
        <translation>Edit indicator “%1”</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="437"/>
        <source>其下的 %1 项内容将一并删除。</source>
        <translation>The %1 items under it will be deleted as well. </translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="440"/>
        <source>删除“%1”？%2可用“撤销”恢复。</source>
        <translation>Delete “%1”? %2You can restore it with Undo.</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="446"/>
        <source>删除“%1”</source>
        <translation>Delete “%1”</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="475"/>
        <source>移动到</source>
        <translation>Move To</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="475"/>
        <source>移动“%1”到：</source>
        <translation>Move “%1” to:</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="481"/>
        <location filename="../bizenv_desktop/ui/main_window.py" line="484"/>
        <source>移动“%1”</source>
        <translation>Move “%1”</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="494"/>
        <source>创建新年度</source>
        <translation>New Year</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="495"/>
        <source>从 %1 年度复制指标、责任处室和子任务（不含日期），新年度：</source>
        <translation>Copy the indicators, responsible divisions and sub-tasks (without dates) of year %1 to the new year:</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="501"/>
        <source>从 %1 年度创建 %2 年度</source>
        <translation>Create year %2 from year %1</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="507"/>
        <source>用内置方案创建年度</source>
        <translation>New Year from the Built-in Plan</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="509"/>
        <source>创建 %1 年度（内置方案）</source>
        <translation>Create year %1 (built-in plan)</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="516"/>
        <source>删除年度</source>
        <translation>Delete Year</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="517"/>
        <source>删除 %1 年度的全部指标、责任处室和子任务？可用“撤销”恢复。</source>
        <translation>Delete all indicators, responsible divisions and sub-tasks of year %1? You can restore them with Undo.</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="519"/>
        <source>删除 %1 年度</source>
        <translation>Delete year %1</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="533"/>
        <source>打开数据库</source>
        <translation>Open Database</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="534"/>
        <source>工作台数据库 (*.sqlite3 *.db);;所有文件 (*)</source>
        <translation>Workbench databases (*.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="540"/>
        <source>无法打开数据库</source>
        <translation>Cannot Open the Database</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="552"/>
        <source>导出佐证材料包</source>
        <translation>Export evidence package</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="553"/>
        <source>%1年佐证材料.zip</source>
        <translation>evidence-%1.zip</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="554"/>
        <source>压缩包 (*.zip)</source>
        <translation>Zip archives (*.zip)</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="561"/>
        <source>无法导出</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="564"/>
        <source>已导出 %1 个文件到 %2</source>
        <translation>Exported %1 files to %2</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="568"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/main_window.py" line="569"/>
        <source>&lt;h3&gt;营商环境考核评价工作台&lt;/h3&gt;&lt;p&gt;版本 %1&lt;/p&gt;&lt;p&gt;供营商环境建设联络员离线使用：维护指标体系、分配责任处室、记录月调度、导出报告。&lt;/p&gt;&lt;p&gt;数据库：%2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Business Environment Assessment Workbench&lt;/h3&gt;&lt;p&gt;Version %1&lt;/p&gt;&lt;p&gt;For the business-environment liaison, offline: maintain the indicator system, assign responsible divisions, record the monthly dispatch and export reports.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MonthModel</name>
    <message>
        <location filename="../bizenv_desktop/ui/month_model.py" line="22"/>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_model.py" line="22"/>
        <source>子任务</source>
        <translation>Sub-task</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_model.py" line="23"/>
        <source>责任处室</source>
        <translation>Responsible division</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_model.py" line="23"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_model.py" line="24"/>
        <source>本月进展</source>
        <translation>Progress this month</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_model.py" line="24"/>
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_model.py" line="25"/>
        <source>下步打算</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_model.py" line="25"/>
        <source>责任人</source>
        <translation>Person responsible</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_model.py" line="26"/>
        <source>分子</source>
        <translation>Numerator</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_model.py" line="26"/>
        <source>分母</source>
        <translation>Denominator</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_model.py" line="27"/>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_model.py" line="27"/>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_model.py" line="28"/>
        <location filename="../bizenv_desktop/ui/month_model.py" line="120"/>
        <source>达标</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_model.py" line="28"/>
        <source>配合处室意见</source>
        <translation>Comments of cooperating divisions</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_model.py" line="29"/>
        <source>佐证</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_model.py" line="30"/>
        <source>未启动</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_model.py" line="30"/>
        <source>推进中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_model.py" line="31"/>
        <source>已完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_model.py" line="31"/>
        <source>滞后</source>
        <translation>Behind schedule</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_model.py" line="32"/>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_model.py" line="120"/>
        <source>未达标</source>
        <translation>Not met</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_model.py" line="173"/>
        <source>上月没有这一行</source>
        <translation>This row did not exist last month</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_model.py" line="176"/>
        <source>上月：%1</source>
        <translation>Last month: %1</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_model.py" line="176"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_model.py" line="193"/>
        <source>填写 %1 %2 的%3</source>
        <translation>Enter %3 of %2 for %1</translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="112"/>
        <source>开始新月份…</source>
        <translation>Start New Month…</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="113"/>
        <source>补充新增行</source>
        <translation>Add New Rows</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="114"/>
        <source>把本月开始后计划中新增的指标、子任务或处室加入本月</source>
        <translation>Add the indicators, sub-tasks and divisions that entered the plan after this month was started</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="115"/>
        <location filename="../bizenv_desktop/ui/month_view.py" line="321"/>
        <source>关闭本月</source>
        <translation>Close Month</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="116"/>
        <source>本月已上报：关闭后只读</source>
        <translation>The month has been submitted: once closed, it is read-only</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="117"/>
        <source>重新打开…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="121"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="126"/>
        <source>筛选指标、进展、问题……</source>
        <translation>Filter: indicator, progress, problems…</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="127"/>
        <source>只看有变化的行</source>
        <translation>Changed rows only</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="158"/>
        <source>月份：</source>
        <translation>Month:</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="165"/>
        <source>处室：</source>
        <translation>Division:</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="167"/>
        <source>状态：</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="174"/>
        <source>与上月相比</source>
        <translation>Compared with last month</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="197"/>
        <source>（已关闭）</source>
        <translation> (closed)</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="225"/>
        <source>全部处室</source>
        <translation>All divisions</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="240"/>
        <source>尚未开始任何月份：点“开始新月份…”。</source>
        <translation>No month has been started yet: click “Start New Month…”.</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="242"/>
        <source>已关闭（%1），只读</source>
        <translation>Closed (%1), read-only</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="244"/>
        <source>；曾重新打开：%1</source>
        <translation>; reopened: %1</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="245"/>
        <source>填报中</source>
        <translation>Open for entries</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="251"/>
        <source>%1 项：%2</source>
        <translation>%1 rows: %2</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="275"/>
        <source>状态变化</source>
        <translation>Status changes</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="276"/>
        <source>新完成</source>
        <translation>Newly completed</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="277"/>
        <source>新滞后</source>
        <translation>Newly behind schedule</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="296"/>
        <source>开始新月份</source>
        <translation>Start New Month</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="297"/>
        <source>月份（年-月）；上月的状态、问题、下步打算和数值会带入：</source>
        <translation>Month (year-month); last month&apos;s statuses, problems, next steps and figures are carried over:</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="307"/>
        <source>开始 %1 月调度</source>
        <translation>Start the %1 monthly dispatch</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="315"/>
        <source>补充 %1 新增行</source>
        <translation>Add new rows to %1</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="322"/>
        <source>关闭 %1 的月调度？关闭后只读；如需修改须说明原因后重新打开。</source>
        <translation>Close the %1 monthly dispatch? It becomes read-only; to change it later, reopen it and give the reason.</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="325"/>
        <source>关闭 %1 月调度</source>
        <translation>Close the %1 monthly dispatch</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="330"/>
        <source>重新打开</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="331"/>
        <source>重新打开 %1 的原因（记入修改记录）：</source>
        <translation>Reason for reopening %1 (kept in the change record):</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/month_view.py" line="334"/>
        <source>重新打开 %1 月调度</source>
        <translation>Reopen the %1 monthly dispatch</translation>
    </message>
    <message>
        <location filename="lupdate_extra.py" line="20"/>
        <source>上月没有调度记录，无可比较。</source>
        <translation>There is no dispatch for last month to compare with.</translation>
    </message>
    <message>
        <location filename="lupdate_extra.py" line="21"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="lupdate_extra.py" line="22"/>
        <source>有变化的行：%1</source>
        <translation>Changed rows: %1</translation>
    </message>
</context>
<context>
    <name>NarrativeDialog</name>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="169"/>
        <source>自评说明</source>
        <translation>Self-evaluation notes</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="170"/>
        <source>%1 %2 — %3</source>
        <translation>%1 %2 — %3</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="171"/>
        <source>考评内容及标准：%1</source>
        <translation>Evaluation standard: %1</translation>
    </message>
</context>
<context>
    <name>NewDivisionDialog</name>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="38"/>
        <source>新增处室或分组</source>
        <translation>New Division or Group</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="40"/>
        <source>例如：政务服务处</source>
        <translation>e.g. Government Services Division</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="45"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/divisions_dialog.py" line="46"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <location filename="../bizenv_desktop/ui/plan_model.py" line="28"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/plan_model.py" line="28"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/plan_model.py" line="28"/>
        <source>考评内容及标准</source>
        <translation>Evaluation standard</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/plan_model.py" line="28"/>
        <source>类型/目标</source>
        <translation>Type/target</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/plan_model.py" line="28"/>
        <source>牵头</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/plan_model.py" line="28"/>
        <source>负责</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/plan_model.py" line="29"/>
        <source>配合</source>
        <translation>Cooperating</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/plan_model.py" line="29"/>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/plan_model.py" line="33"/>
        <source>定性</source>
        <translation>Qualitative</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/plan_model.py" line="33"/>
        <source>定量</source>
        <translation>Quantitative</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/plan_model.py" line="33"/>
        <source>排名</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/plan_model.py" line="34"/>
        <source>计数</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/plan_model.py" line="34"/>
        <source>子任务</source>
        <translation>Sub-task</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/plan_model.py" line="159"/>
        <source>责任人：</source>
        <translation>Person responsible: </translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/plan_model.py" line="234"/>
        <source>修改“%1”的%2</source>
        <translation>Change %2 of “%1”</translation>
    </message>
</context>
<context>
    <name>RatingDelegate</name>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="57"/>
        <source>（未评）</source>
        <translation>(not rated)</translation>
    </message>
</context>
<context>
    <name>SelfEvalModel</name>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="101"/>
        <source>%1（本年已登记 %2 条）</source>
        <translation>%1 (%2 registered this year)</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="127"/>
        <source>该指标没有分值，请选择评价等级</source>
        <translation>This indicator has no score; choose a rating</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="128"/>
        <source>满分 %1</source>
        <translation>Full score %1</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="130"/>
        <source>双击填写自评说明</source>
        <translation>Double-click to write the self-evaluation notes</translation>
    </message>
</context>
<context>
    <name>SelfEvalView</name>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="24"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="24"/>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="25"/>
        <source>考评内容及标准</source>
        <translation>Evaluation standard</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="25"/>
        <source>评价等级</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="26"/>
        <source>分值</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="26"/>
        <source>自评说明</source>
        <translation>Self-evaluation notes</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="27"/>
        <source>佐证数</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="28"/>
        <source>优秀</source>
        <translation>Excellent</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="28"/>
        <source>良好</source>
        <translation>Good</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="29"/>
        <source>一般</source>
        <translation>Fair</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="29"/>
        <source>较差</source>
        <translation>Poor</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="30"/>
        <source>第一季度</source>
        <translation>Q1</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="30"/>
        <source>第二季度</source>
        <translation>Q2</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="31"/>
        <source>第三季度</source>
        <translation>Q3</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="31"/>
        <source>第四季度</source>
        <translation>Q4</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="32"/>
        <source>全年</source>
        <translation>Whole year</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="211"/>
        <source>仅显示未自评</source>
        <translation>Only not yet evaluated</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="212"/>
        <source>编辑自评说明…</source>
        <translation>Edit notes…</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="217"/>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="217"/>
        <source>期间：</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="269"/>
        <source>%1 年</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="282"/>
        <source>未自评 %1 项（共 %2 项）</source>
        <translation>%1 of %2 not yet evaluated</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="288"/>
        <source>本年度各期未自评：%1</source>
        <translation>Not yet evaluated this year: %1</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="288"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/self_eval_view.py" line="318"/>
        <source>自评 %1 %2 的%3</source>
        <translation>Self-evaluation %1 %2: %3</translation>
    </message>
</context>
<context>
    <name>SubtaskDialog</name>
    <message>
        <location filename="../bizenv_desktop/ui/subtask_dialog.py" line="18"/>
        <source>编辑子任务</source>
        <translation>Edit Sub-task</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/subtask_dialog.py" line="18"/>
        <source>新增子任务</source>
        <translation>New Sub-task</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/subtask_dialog.py" line="21"/>
        <source>（未指定）</source>
        <translation>(not specified)</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/subtask_dialog.py" line="28"/>
        <source>设定</source>
        <translation>Set</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/subtask_dialog.py" line="46"/>
        <source>任务内容</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/subtask_dialog.py" line="47"/>
        <source>责任处室</source>
        <translation>Responsible division</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/subtask_dialog.py" line="48"/>
        <source>责任人</source>
        <translation>Person responsible</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/subtask_dialog.py" line="49"/>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../bizenv_desktop/ui/subtask_dialog.py" line="50"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
</TS>
