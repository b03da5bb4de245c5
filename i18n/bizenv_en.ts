<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AdvanceDialog</name>
    <message>
        <source>推进督办事项</source>
        <translation>Advance Supervised Item</translation>
    </message>
    <message>
        <source>当前状态</source>
        <translation>Current status</translation>
    </message>
    <message>
        <source>推进到</source>
        <translation>Advance to</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>办结报告</source>
        <translation>Closure report</translation>
    </message>
    <message>
        <source>办理进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>跳过的步骤记同一日期。</source>
        <translation>Skipped steps get the same date. </translation>
    </message>
    <message>
        <source>办结须填写办结报告。</source>
        <translation>Marking it done needs the closure report.</translation>
    </message>
    <message>
        <source>该投诉经查属实，须先在“编辑…”中填写问责记录才能销号。</source>
        <translation>This complaint was verified: enter the accountability record under “Edit…” before striking it off. </translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>无法打开数据库</source>
        <translation>Cannot Open the Database</translation>
    </message>
</context>
<context>
    <name>AssignmentEditor</name>
    <message>
        <source>牵头</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>负责</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>配合</source>
        <translation>Cooperating</translation>
    </message>
    <message>
        <source>处室 / 分组</source>
        <translation>Division / group</translation>
    </message>
    <message>
        <source>职责</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>添加处室</source>
        <translation>Add Division</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move Up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move Down</translation>
    </message>
    <message>
        <source>（分组）</source>
        <translation> (group)</translation>
    </message>
    <message>
        <source>（已停用）</source>
        <translation> (retired)</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>User</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>（新增）</source>
        <translation>(added)</translation>
    </message>
    <message>
        <source>（修改）</source>
        <translation>(changed)</translation>
    </message>
    <message>
        <source>（删除）</source>
        <translation>(deleted)</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>修改记录</source>
        <translation>Change Log</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>全部对象</source>
        <translation>All objects</translation>
    </message>
    <message>
        <source>搜索操作、字段、原值、新值或操作人</source>
        <translation>Search action, field, old or new value, or user</translation>
    </message>
    <message>
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <source>到</source>
        <translation>To</translation>
    </message>
    <message>
        <source>对象：</source>
        <translation>Object:</translation>
    </message>
    <message numerus="yes">
        <source>共 %n 条</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>已导出 %n 条记录到“%2”。</source>
        <translation>
            <numerusform>Exported %n entry to “%2”.</numerusform>
            <numerusform>Exported %n entries to “%2”.</numerusform>
        </translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export Failed</translation>
    </message>
    <message>
        <source>无法写入“%1”：%2</source>
        <translation>Cannot write “%1”: %2</translation>
    </message>
    <message>
        <source>修改记录-%1.csv</source>
        <translation>change-log-%1.csv</translation>
    </message>
    <message>
        <source>导出 CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export Complete</translation>
    </message>
</context>
<context>
    <name>AuditNames</name>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>方案正文</source>
        <translation>Plan text</translation>
    </message>
    <message>
        <source>维度</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>处室</source>
        <translation>Division</translation>
    </message>
    <message>
        <source>责任分工</source>
        <translation>Assignment</translation>
    </message>
    <message>
        <source>子任务</source>
        <translation>Sub-task</translation>
    </message>
    <message>
        <source>联络员</source>
        <translation>Liaison</translation>
    </message>
    <message>
        <source>调度月份</source>
        <translation>Dispatch month</translation>
    </message>
    <message>
        <source>月调度</source>
        <translation>Monthly dispatch</translation>
    </message>
    <message>
        <source>佐证材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>佐证关联</source>
        <translation>Evidence link</translation>
    </message>
    <message>
        <source>自评</source>
        <translation>Self-evaluation</translation>
    </message>
    <message>
        <source>事件</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>工作日调整</source>
        <translation>Working-day adjustment</translation>
    </message>
    <message>
        <source>日历年度</source>
        <translation>Calendar year</translation>
    </message>
    <message>
        <source>待办完成</source>
        <translation>To-do completion</translation>
    </message>
    <message>
        <source>督办事项</source>
        <translation>Supervised item</translation>
    </message>
    <message>
        <source>督办分工</source>
        <translation>Supervised item assignment</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>报告草稿</source>
        <translation>Report draft</translation>
    </message>
    <message>
        <source>报告草稿段落</source>
        <translation>Report draft section</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>考评内容及标准</source>
        <translation>Evaluation standard</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>进展</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>小标题</source>
        <translation>Heading</translation>
    </message>
    <message>
        <source>正文</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>牵头单位</source>
        <translation>Lead office</translation>
    </message>
    <message>
        <source>排序</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>上级指标</source>
        <translation>Parent indicator</translation>
    </message>
    <message>
        <source>所属维度</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>目标比较符</source>
        <translation>Target comparator</translation>
    </message>
    <message>
        <source>目标值</source>
        <translation>Target value</translation>
    </message>
    <message>
        <source>目标单位</source>
        <translation>Target unit</translation>
    </message>
    <message>
        <source>目标指标项</source>
        <translation>Target metric</translation>
    </message>
    <message>
        <source>计数事件类别</source>
        <translation>Counted event kind</translation>
    </message>
    <message>
        <source>分值</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>职责</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>责任人</source>
        <translation>Person responsible</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>任职开始</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>任职结束</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>报备日期</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>下步计划</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <source>备注说明</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>分子</source>
        <translation>Numerator</translation>
    </message>
    <message>
        <source>分母</source>
        <translation>Denominator</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>关闭时间</source>
        <translation>Closed at</translation>
    </message>
    <message>
        <source>重新打开原因</source>
        <translation>Reason for reopening</translation>
    </message>
    <message>
        <source>评定等次</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>自评说明</source>
        <translation>Self-evaluation notes</translation>
    </message>
    <message>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>媒体/会议</source>
        <translation>Outlet/meeting</translation>
    </message>
    <message>
        <source>是否工作日</source>
        <translation>Working day</translation>
    </message>
    <message>
        <source>确认时间</source>
        <translation>Confirmed at</translation>
    </message>
    <message>
        <source>撤销日期</source>
        <translation>Retired on</translation>
    </message>
    <message>
        <source>并入处室</source>
        <translation>Merged into</translation>
    </message>
    <message>
        <source>事项内容</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>完成日期</source>
        <translation>Completed on</translation>
    </message>
    <message>
        <source>销号日期</source>
        <translation>Struck off on</translation>
    </message>
    <message>
        <source>单位别名</source>
        <translation>Unit alias</translation>
    </message>
    <message>
        <source>督办内容及要求</source>
        <translation>Supervision content and requirements</translation>
    </message>
    <message>
        <source>督办类型</source>
        <translation>Supervision type</translation>
    </message>
    <message>
        <source>紧急程度</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>分管领导</source>
        <translation>Leader in charge</translation>
    </message>
    <message>
        <source>反馈周期</source>
        <translation>Feedback cycle</translation>
    </message>
    <message>
        <source>完成进度</source>
        <translation>Completion</translation>
    </message>
    <message>
        <source>催办次数</source>
        <translation>Times chased</translation>
    </message>
    <message>
        <source>排名</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <source>公开发布</source>
        <translation>Publications</translation>
    </message>
    <message>
        <source>工作方案</source>
        <translation>Work plan</translation>
    </message>
    <message>
        <source>督查</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <source>督查范围</source>
        <translation>Inspection scope</translation>
    </message>
    <message>
        <source>督查整改事项</source>
        <translation>Inspection follow-up</translation>
    </message>
    <message>
        <source>督办关联指标</source>
        <translation>Supervised item&apos;s indicator</translation>
    </message>
    <message>
        <source>催办</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>定期反馈</source>
        <translation>Periodic feedback</translation>
    </message>
    <message>
        <source>退回修改</source>
        <translation>Send-back</translation>
    </message>
    <message>
        <source>交回调度表</source>
        <translation>Form return</translation>
    </message>
    <message>
        <source>季度快照</source>
        <translation>Quarter snapshot</translation>
    </message>
    <message>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>参评总数</source>
        <translation>Field size</translation>
    </message>
    <message>
        <source>对标地区</source>
        <translation>Benchmark</translation>
    </message>
    <message>
        <source>数据年度</source>
        <translation>Data year</translation>
    </message>
    <message>
        <source>更新时间</source>
        <translation>Updated at</translation>
    </message>
    <message>
        <source>公开日期</source>
        <translation>Published on</translation>
    </message>
    <message>
        <source>链接</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>须报送</source>
        <translation>Owes one</translation>
    </message>
    <message>
        <source>应交日期</source>
        <translation>Due on</translation>
    </message>
    <message>
        <source>收到日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <source>督查发现</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>催办对象</source>
        <translation>Reminded whom</translation>
    </message>
    <message>
        <source>催办方式</source>
        <translation>Reminded how</translation>
    </message>
    <message>
        <source>反馈日期</source>
        <translation>Feedback date</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>退回日期</source>
        <translation>Sent back on</translation>
    </message>
    <message>
        <source>退回原因</source>
        <translation>Reason sent back</translation>
    </message>
    <message>
        <source>交回日期</source>
        <translation>Returned on</translation>
    </message>
    <message>
        <source>交回说明</source>
        <translation>Return note</translation>
    </message>
    <message>
        <source>保存时间</source>
        <translation>Taken at</translation>
    </message>
    <message>
        <source>快照内容</source>
        <translation>Snapshot data</translation>
    </message>
    <message>
        <source>关闭方式</source>
        <translation>Closed by</translation>
    </message>
</context>
<context>
    <name>AutoClose</name>
    <message>
        <source>自动关闭月调度：%1</source>
        <translation>Close months on their own: %1</translation>
    </message>
    <message>
        <source>已按设置自动关闭截止后到期的月份：%1（可撤销；重新打开须说明原因）</source>
        <translation>Closed on their own, as set, months past their deadline: %1 (can be undone; reopening needs a reason)</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <source>工作日历</source>
        <translation>Working Calendar</translation>
    </message>
    <message>
        <source>法定节假日（工作日放假）</source>
        <translation>Public holiday (weekday off)</translation>
    </message>
    <message>
        <source>调休上班（周末上班）</source>
        <translation>Make-up working day (weekend worked)</translation>
    </message>
    <message>
        <source>下划线：人工调整</source>
        <translation>Underlined: adjusted by hand</translation>
    </message>
    <message>
        <source>设为工作日</source>
        <translation>Make Working Day</translation>
    </message>
    <message>
        <source>设为休息日</source>
        <translation>Make Day Off</translation>
    </message>
    <message>
        <source>取消调整</source>
        <translation>Remove Adjustment</translation>
    </message>
    <message>
        <source>确认本年安排</source>
        <translation>Confirm This Year</translation>
    </message>
    <message>
        <source>取消确认</source>
        <translation>Withdraw Confirmation</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>%1 年：国务院安排已收录</source>
        <translation>%1: the State Council schedule is included</translation>
    </message>
    <message>
        <source>%1 年：已人工确认</source>
        <translation>%1: confirmed by hand</translation>
    </message>
    <message>
        <source>%1 年：未确认（依据推测，请按国务院通知核对并确认）</source>
        <translation>%1: not confirmed (estimated; check it against the State Council notice and confirm)</translation>
    </message>
    <message>
        <source>%1 年的人工调整（%2 天）</source>
        <translation>Adjustments by hand in %1 (%2 days)</translation>
    </message>
    <message>
        <source>工作日</source>
        <translation>working day</translation>
    </message>
    <message>
        <source>休息日</source>
        <translation>day off</translation>
    </message>
    <message>
        <source>%1 设为%2</source>
        <translation>%1 made a %2</translation>
    </message>
    <message>
        <source>：%1</source>
        <translation>: %1</translation>
    </message>
    <message>
        <source>节假日</source>
        <translation>Public holiday</translation>
    </message>
    <message>
        <source>调休上班</source>
        <translation>Make-up working day</translation>
    </message>
    <message>
        <source>人工调整</source>
        <translation>Adjusted by hand</translation>
    </message>
    <message>
        <source>未确认</source>
        <translation>Not confirmed</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>将 %1 设为工作日</source>
        <translation>Make %1 a working day</translation>
    </message>
    <message>
        <source>将 %1 设为休息日</source>
        <translation>Make %1 a day off</translation>
    </message>
    <message>
        <source>取消 %1 的调整</source>
        <translation>Remove the adjustment of %1</translation>
    </message>
    <message>
        <source>确认 %1 年节假日安排</source>
        <translation>Confirm the %1 public holiday schedule</translation>
    </message>
    <message>
        <source>取消确认 %1 年节假日安排</source>
        <translation>Withdraw confirmation of the %1 public holiday schedule</translation>
    </message>
    <message>
        <source>%1 的调整说明（可留空），例如 国务院办公厅通知：</source>
        <translation>Note on the adjustment of %1 (optional), e.g. General Office of the State Council notice:</translation>
    </message>
    <message>
        <source>是否已按国务院办公厅通知核对并录入 %1 年的节假日和调休安排？</source>
        <translation>Have the %1 public holidays and make-up working days been checked against the State Council General Office notice and entered?</translation>
    </message>
</context>
<context>
    <name>CollectFormsDialog</name>
    <message>
        <source>收回处室调度表</source>
        <translation>Collect Division Dispatch Forms</translation>
    </message>
    <message>
        <source>%1：选择处室交回的调度表（可多选、可分几次、顺序不限）。每个文件先检查，下面列出将改动的内容和全部问题；只写入没有问题的文件，每个文件要么全部写入，要么不写。</source>
        <translation>%1: choose the dispatch forms returned by the divisions (several at once, in several goes, in any order). Each file is checked first; the changes and all problems are listed below. Only files without problems are written, each either completely or not at all.</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>处室</source>
        <translation>Division</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>移除所选</source>
        <translation>Remove Selected</translation>
    </message>
    <message>
        <source>复制问题清单</source>
        <translation>Copy Problem List</translation>
    </message>
    <message>
        <source>把全部问题复制到剪贴板，便于发给处室修改</source>
        <translation>Copy all problems to the clipboard to send to the divisions for correction</translation>
    </message>
    <message>
        <source>写入无问题的文件</source>
        <translation>Write Files Without Problems</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>选择交回的调度表</source>
        <translation>Choose returned dispatch forms</translation>
    </message>
    <message>
        <source>电子表格 (*.xlsx *.xls *.ods);;所有文件 (*)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.ods);;All files (*)</translation>
    </message>
    <message>
        <source>正在检查交回的调度表</source>
        <translation>Checking the returned dispatch forms</translation>
    </message>
    <message>
        <source>可写入 %1 个，有问题 %2 个。已交回：%3；未交回：%4</source>
        <translation>%1 can be written, %2 have problems. Returned: %3; not returned: %4</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>已写入：改动 %n 行</source>
        <translation>
            <numerusform>Written: %n row changed</numerusform>
            <numerusform>Written: %n rows changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>可写入：改动 %n 行</source>
        <translation>
            <numerusform>Can be written: %n row changed</numerusform>
            <numerusform>Can be written: %n rows changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>有 %n 个问题，不能写入</source>
        <translation>
            <numerusform>%n problem, cannot be written</numerusform>
            <numerusform>%n problems, cannot be written</numerusform>
        </translation>
    </message>
    <message>
        <source>第 %1 行 %2</source>
        <translation>Row %1: %2</translation>
    </message>
    <message>
        <source>写入调度表</source>
        <translation>Write Dispatch Forms</translation>
    </message>
    <message>
        <source>写入 %1 个文件（共改动 %2 行）？有问题的文件不会写入。每个文件可单独撤销。</source>
        <translation>Write %1 files (%2 rows changed in all)? Files with problems are not written. Each file can be undone separately.</translation>
    </message>
    <message>
        <source>收回调度表：%1 %2</source>
        <translation>Collect dispatch form: %1 %2</translation>
    </message>
    <message>
        <source>正在写入调度表</source>
        <translation>Writing the dispatch forms</translation>
    </message>
</context>
<context>
    <name>ColumnChooser</name>
    <message>
        <source>恢复默认列</source>
        <translation>Restore Default Columns</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>操作与已有数据冲突，未作任何修改：%1</source>
        <translation>The action conflicts with existing data; nothing was changed: %1</translation>
    </message>
    <message>
        <source>无法写入数据库，未作任何修改：%1。请检查磁盘空间和文件权限。</source>
        <translation>Cannot write to the database; nothing was changed: %1. Please check the free disk space and the file permissions.</translation>
    </message>
    <message>
        <source>撤销“%1”</source>
        <translation>Undoing “%1”</translation>
    </message>
    <message>
        <source>重做“%1”</source>
        <translation>Redoing “%1”</translation>
    </message>
    <message>
        <source>无法完成操作</source>
        <translation>Cannot Complete the Action</translation>
    </message>
</context>
<context>
    <name>DamagedDialog</name>
    <message>
        <source>数据库文件已损坏</source>
        <translation>The database file is damaged</translation>
    </message>
    <message>
        <source>数据库文件“%1”已损坏，不能继续使用：%2</source>
        <translation>The database file “%1” is damaged and cannot be used any more: %2</translation>
    </message>
    <message>
        <source>最近一份完好的备份是“%1”（%2）。可以从它恢复；恢复前会把损坏的文件原样另存一份。</source>
        <translation>The newest sound backup is “%1” (%2). You can restore it; the damaged file is first kept aside as it is.</translation>
    </message>
    <message>
        <source>命令行：%1</source>
        <translation>Command line: %1</translation>
    </message>
    <message>
        <source>在“%1”中没有找到完好的备份。如有其他位置的备份文件，请选择它恢复；否则请不要再使用此文件，复制一份保存好。</source>
        <translation>No sound backup was found in “%1”. If you have a backup file elsewhere, choose it to restore; otherwise stop using this file and keep a copy of it.</translation>
    </message>
    <message>
        <source>从该备份恢复</source>
        <translation>Restore this backup</translation>
    </message>
    <message>
        <source>选择备份文件…</source>
        <translation>Choose a backup file…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>DashboardPanels</name>
    <message>
        <source>处室</source>
        <translation>Division</translation>
    </message>
    <message>
        <source>滞后（月调度）</source>
        <translation>Late (monthly dispatch)</translation>
    </message>
    <message>
        <source>逾期督办（牵头）</source>
        <translation>Overdue supervised items (lead)</translation>
    </message>
    <message>
        <source>待签收</source>
        <translation>Awaiting sign-off</translation>
    </message>
    <message>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>已报结</source>
        <translation>Closure reported</translation>
    </message>
    <message>
        <source>已销号</source>
        <translation>Struck off</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>考评记录</source>
        <translation>Assessment records</translation>
    </message>
    <message>
        <source>情况</source>
        <translation>State</translation>
    </message>
    <message>
        <source>应交</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>按时</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>未交</source>
        <translation>Not in</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Sent back</translation>
    </message>
    <message>
        <source>按时交回率</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <source>各指标月度状态（取各处室、子任务中最紧要者）</source>
        <translation>Monthly status of each indicator (the most pressing of its divisions and sub-tasks)</translation>
    </message>
    <message>
        <source>量化指标与目标</source>
        <translation>Quantitative indicators and targets</translation>
    </message>
    <message>
        <source>考评记录（需关注的标为【缺】或红色）</source>
        <translation>Assessment records (what needs attention is marked [missing] or red)</translation>
    </message>
    <message>
        <source>交办督办事项</source>
        <translation>Assigned and supervised items</translation>
    </message>
    <message>
        <source>近期待办</source>
        <translation>Upcoming to-dos</translation>
    </message>
    <message>
        <source>营商环境工作看板：%1年，截至%2月</source>
        <translation>Business environment dashboard: %1, as of month %2</translation>
    </message>
    <message>
        <source>%1月</source>
        <translation>M%1</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>%1年%2月</source>
        <translation>%2/%1</translation>
    </message>
    <message>
        <source>各处室滞后与逾期：%1</source>
        <translation>Late and overdue by division: %1</translation>
    </message>
    <message>
        <source>各处室滞后与逾期：%1，没有滞后或逾期事项</source>
        <translation>Late and overdue by division: %1, nothing late or overdue</translation>
    </message>
    <message>
        <source>（未指定处室）</source>
        <translation>(no division)</translation>
    </message>
    <message>
        <source>【缺】%1</source>
        <translation>[missing] %1</translation>
    </message>
    <message>
        <source>各处室按时交回率（%1年，截止当月最后一个工作日）</source>
        <translation>On-time return rate per division (%1, due the month&apos;s last working day)</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>%1月</source>
        <translation>M%1</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>截至：</source>
        <translation>As of:</translation>
    </message>
    <message>
        <source>%1年</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>打印看板</source>
        <translation>Print Dashboard</translation>
    </message>
</context>
<context>
    <name>DeadlineModel</name>
    <message>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>该日期依据尚未公布的节假日安排推算，请在“工作日历”中核对并确认。</source>
        <translation>This date is estimated from a public holiday schedule not yet published; check and confirm it in “Working Calendar”.</translation>
    </message>
</context>
<context>
    <name>DeadlinePanel</name>
    <message>
        <source> 个工作日内</source>
        <translation> working days</translation>
    </message>
    <message>
        <source>显示已完成</source>
        <translation>Show done</translation>
    </message>
    <message>
        <source>标记完成…</source>
        <translation>Mark Done…</translation>
    </message>
    <message>
        <source>取消完成</source>
        <translation>Mark Not Done</translation>
    </message>
    <message>
        <source>提醒：</source>
        <translation>Remind within:</translation>
    </message>
    <message>
        <source>正在读取期限……</source>
        <translation>Reading deadlines…</translation>
    </message>
    <message numerus="yes">
        <source>逾期 %n 项，</source>
        <translation>
            <numerusform>%n overdue, </numerusform>
            <numerusform>%n overdue, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 个工作日内到期 %n 项</source>
        <translation>
            <numerusform>%n due within %1 working days</numerusform>
            <numerusform>%n due within %1 working days</numerusform>
        </translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>标记完成</source>
        <translation>Mark Done</translation>
    </message>
    <message>
        <source>“%1”已完成。要附上报送的文件吗？</source>
        <translation>“%1” is done. Attach the files that were submitted?</translation>
    </message>
    <message>
        <source>选择报送的文件</source>
        <translation>Choose the submitted files</translation>
    </message>
    <message>
        <source>完成“%1”</source>
        <translation>Mark “%1” done</translation>
    </message>
    <message>
        <source>取消完成“%1”</source>
        <translation>Mark “%1” not done</translation>
    </message>
    <message>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>5 个工作日内到期</source>
        <translation>Due within 5 working days</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>DeadlineStates</name>
    <message>
        <source>已完成 %1</source>
        <translation>Done %1</translation>
    </message>
    <message numerus="yes">
        <source>逾期 %n 天</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
    <message>
        <source>今天到期</source>
        <translation>Due today</translation>
    </message>
    <message numerus="yes">
        <source>剩 %n 个工作日</source>
        <translation>
            <numerusform>%n working day left</numerusform>
            <numerusform>%n working days left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <source>一级指标</source>
        <translation>First-level indicator</translation>
    </message>
    <message>
        <source>二级指标</source>
        <translation>Second-level indicator</translation>
    </message>
    <message>
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>类型/目标</source>
        <translation>Type/target</translation>
    </message>
    <message>
        <source>本年已登记</source>
        <translation>Registered this year</translation>
    </message>
    <message>
        <source>%1 条</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>分值</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>（分组）</source>
        <translation> (group)</translation>
    </message>
    <message>
        <source>（已停用）</source>
        <translation> (retired)</translation>
    </message>
    <message>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>任务内容</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>责任处室</source>
        <translation>Responsible division</translation>
    </message>
    <message>
        <source>责任人</source>
        <translation>Person responsible</translation>
    </message>
    <message>
        <source>（未指定）</source>
        <translation>(not specified)</translation>
    </message>
    <message>
        <source>（未设定）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>选择左侧的一行查看详情。</source>
        <translation>Select a row on the left to see its details.</translation>
    </message>
    <message>
        <source>维度</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>一级指标 %1 个，二级指标 %2 个</source>
        <translation>%1 first-level indicators, %2 second-level indicators</translation>
    </message>
    <message>
        <source>考评内容及标准</source>
        <translation>Evaluation standard</translation>
    </message>
    <message>
        <source>任务分解</source>
        <translation>Task breakdown</translation>
    </message>
    <message>
        <source>子任务</source>
        <translation>Sub-task</translation>
    </message>
</context>
<context>
    <name>DivisionsDialog</name>
    <message>
        <source>处室</source>
        <translation>Division</translation>
    </message>
    <message>
        <source>直属单位</source>
        <translation>Affiliated unit</translation>
    </message>
    <message>
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>处室管理</source>
        <translation>Manage Divisions</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>引用次数</source>
        <translation>References</translation>
    </message>
    <message>
        <source>显示已停用</source>
        <translation>Show retired</translation>
    </message>
    <message>
        <source>新增…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>重命名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>更改类型…</source>
        <translation>Change Type…</translation>
    </message>
    <message>
        <source>合并到…</source>
        <translation>Merge Into…</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Retire</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>已合并到 %1</source>
        <translation>Merged into %1</translation>
    </message>
    <message>
        <source>已停用 %1</source>
        <translation>Retired on %1</translation>
    </message>
    <message>
        <source>在用</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>新增处室“%1”</source>
        <translation>Add division “%1”</translation>
    </message>
    <message>
        <source>将“%1”改名为“%2”</source>
        <translation>Rename “%1” to “%2”</translation>
    </message>
    <message>
        <source>将“%1”改为%2</source>
        <translation>Change the type of “%1” to %2</translation>
    </message>
    <message>
        <source>将“%1”合并到“%2”</source>
        <translation>Merge “%1” into “%2”</translation>
    </message>
    <message>
        <source>停用“%1”</source>
        <translation>Retire “%1”</translation>
    </message>
    <message>
        <source>恢复“%1”</source>
        <translation>Restore “%1”</translation>
    </message>
    <message>
        <source>删除“%1”</source>
        <translation>Delete “%1”</translation>
    </message>
    <message>
        <source>“%1”的 %2 项指标分工和子任务将移到“%3”（两者都承担的指标只保留较重的职责），%4 条联络员登记也将改为“%3”。
“%1”随后停用，显示为“已合并到 %3”。此操作可以撤销。</source>
        <translation>%2 indicator assignments and sub-tasks of “%1” will move to “%3” (on indicators both share, only the heavier role is kept), and %4 liaison registrations will also change to “%3”.
“%1” is then retired and shown as “Merged into %3”. This can be undone.</translation>
    </message>
    <message>
        <source>重命名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>“%1”的新名称：</source>
        <translation>New name for “%1”:</translation>
    </message>
    <message>
        <source>更改类型</source>
        <translation>Change Type</translation>
    </message>
    <message>
        <source>“%1”的类型：</source>
        <translation>Type of “%1”:</translation>
    </message>
    <message>
        <source>合并到</source>
        <translation>Merge Into</translation>
    </message>
    <message>
        <source>把“%1”合并到：</source>
        <translation>Merge “%1” into:</translation>
    </message>
    <message>
        <source>确认合并</source>
        <translation>Confirm Merge</translation>
    </message>
    <message>
        <source>确认删除</source>
        <translation>Confirm Deletion</translation>
    </message>
    <message>
        <source>删除“%1”？此操作可以撤销。</source>
        <translation>Delete “%1”? This can be undone.</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>编辑事件</source>
        <translation>Edit event</translation>
    </message>
    <message>
        <source>登记事件</source>
        <translation>Register event</translation>
    </message>
    <message>
        <source>（未指定）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>媒体名称、简报期号或会议名称</source>
        <translation>Media outlet, briefing issue or meeting name</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>媒体/会议</source>
        <translation>Outlet/meeting</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>计入指标</source>
        <translation>Counts for indicator</translation>
    </message>
    <message>
        <source>（按类别自动选择）</source>
        <translation>(chosen by kind)</translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>媒体/会议</source>
        <translation>Outlet/meeting</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>佐证</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>通报表扬</source>
        <translation>Commendation</translation>
    </message>
    <message>
        <source>媒体宣传</source>
        <translation>Media report</translation>
    </message>
    <message>
        <source>简报刊发</source>
        <translation>Briefing adopted</translation>
    </message>
    <message>
        <source>全省推广</source>
        <translation>Provincial promotion</translation>
    </message>
    <message>
        <source>国家级</source>
        <translation>National</translation>
    </message>
    <message>
        <source>省级</source>
        <translation>Provincial</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>新增…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>类别：</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>全部年份</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>%1 年</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>登记%1“%2”</source>
        <translation>Register %1 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>修改事件“%1”</source>
        <translation>Edit event &quot;%1&quot;</translation>
    </message>
    <message>
        <source>删除事件“%1”</source>
        <translation>Delete event &quot;%1&quot;</translation>
    </message>
    <message>
        <source>确认删除</source>
        <translation>Confirm deletion</translation>
    </message>
    <message>
        <source>删除事件“%1”（%2）？此操作可以撤销。</source>
        <translation>Delete event &quot;%1&quot; (%2)? This can be undone.</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <source>佐证材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>%1（%2，%3 由 %4 添加）</source>
        <translation>%1 (%2, added %3 by %4)</translation>
    </message>
    <message>
        <source>【文件缺失】%1</source>
        <translation>[File missing] %1</translation>
    </message>
    <message>
        <source>SHA-256：%1
存储位置：%2</source>
        <translation>SHA-256: %1
Stored at: %2</translation>
    </message>
    <message>
        <source>选择一条记录后可添加佐证材料。</source>
        <translation>Select a record to add evidence.</translation>
    </message>
    <message>
        <source>该记录只读（例如所在月份已关闭），只能打开佐证材料，不能添加或移除。</source>
        <translation>This record is read-only (for example, its month is closed): evidence can be opened but not added or removed.</translation>
    </message>
    <message>
        <source>可将文件拖放到此处添加；文件会复制到数据库旁的佐证材料库，原文件移动或删除后仍可打开。</source>
        <translation>Drop files here to add them; they are copied into the evidence store beside the database and still open after the originals are moved or deleted.</translation>
    </message>
    <message>
        <source>选择佐证材料</source>
        <translation>Choose evidence files</translation>
    </message>
    <message>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>添加佐证材料“%1”</source>
        <translation>Add evidence &quot;%1&quot;</translation>
    </message>
    <message>
        <source>系统中没有能打开“%1”的程序。文件副本在：%2</source>
        <translation>No program on this computer can open &quot;%1&quot;. The copy is at: %2</translation>
    </message>
    <message>
        <source>移除佐证材料</source>
        <translation>Remove evidence</translation>
    </message>
    <message>
        <source>从此记录移除“%1”？
文件仍保留在佐证材料库中，其他记录对它的引用不受影响；可以撤销。</source>
        <translation>Remove &quot;%1&quot; from this record?
The file stays in the evidence store and other records that use it are not affected; this can be undone.</translation>
    </message>
    <message>
        <source>移除佐证材料“%1”</source>
        <translation>Remove evidence &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>ExchangeOps</name>
    <message>
        <source>导入指标表(&amp;I)…</source>
        <translation>&amp;Import Indicator Sheet…</translation>
    </message>
    <message>
        <source>导入督办事项台账(&amp;U)…</source>
        <translation>Import s&amp;upervised-items ledger…</translation>
    </message>
    <message>
        <source>指标表（任务分工表）…</source>
        <translation>Indicators (Task Assignment Sheet)…</translation>
    </message>
    <message>
        <source>本月月调度…</source>
        <translation>This Month&apos;s Dispatch…</translation>
    </message>
    <message>
        <source>督办事项台账…</source>
        <translation>Supervised Items Register…</translation>
    </message>
    <message>
        <source>宣传推广与表扬登记…</source>
        <translation>Recognition &amp; Promotion Register…</translation>
    </message>
    <message>
        <source>修改记录…</source>
        <translation>Change Log…</translation>
    </message>
    <message>
        <source>导出佐证材料包(&amp;Z)…</source>
        <translation>Export evidence package (&amp;Z)…</translation>
    </message>
    <message>
        <source>导入方案文档(&amp;W)…</source>
        <translation>Import plan &amp;document…</translation>
    </message>
    <message>
        <source>导出 Excel(&amp;X)</source>
        <translation>E&amp;xport to Excel</translation>
    </message>
    <message>
        <source>%1年任务分工表</source>
        <translation>task-assignment-sheet-%1</translation>
    </message>
    <message>
        <source>%1 月调度</source>
        <translation>monthly-dispatch-%1</translation>
    </message>
    <message>
        <source>督办事项台账</source>
        <translation>supervised-items</translation>
    </message>
    <message>
        <source>%1年宣传推广与表扬</source>
        <translation>recognition-promotion-%1</translation>
    </message>
    <message>
        <source>修改记录</source>
        <translation>Change Log</translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>正在导出“%1”</source>
        <translation>Exporting “%1”</translation>
    </message>
    <message>
        <source>无法导出</source>
        <translation>Cannot export</translation>
    </message>
    <message numerus="yes">
        <source>已导出 %n 行到 %2</source>
        <translation>
            <numerusform>Exported %n row to %2</numerusform>
            <numerusform>Exported %n rows to %2</numerusform>
        </translation>
    </message>
    <message>
        <source>正在导出佐证材料包</source>
        <translation>Exporting the evidence package</translation>
    </message>
    <message numerus="yes">
        <source>已导出 %n 个文件到 %2</source>
        <translation>
            <numerusform>Exported %n file to %2</numerusform>
            <numerusform>Exported %n files to %2</numerusform>
        </translation>
    </message>
    <message>
        <source>导出佐证材料包</source>
        <translation>Export evidence package</translation>
    </message>
    <message>
        <source>%1年佐证材料.zip</source>
        <translation>evidence-%1.zip</translation>
    </message>
    <message>
        <source>压缩包 (*.zip)</source>
        <translation>Zip archives (*.zip)</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <source>定期反馈：%1</source>
        <translation>Periodic feedback: %1</translation>
    </message>
    <message>
        <source>（已于 %1 反馈）</source>
        <translation> (given on %1)</translation>
    </message>
    <message>
        <source>反馈周期</source>
        <translation>Feedback cycle</translation>
    </message>
    <message>
        <source>应反馈日期</source>
        <translation>Feedback due on</translation>
    </message>
    <message>
        <source>反馈日期</source>
        <translation>Feedback date</translation>
    </message>
    <message>
        <source>反馈内容</source>
        <translation>Feedback</translation>
    </message>
</context>
<context>
    <name>FieldsPage</name>
    <message>
        <source>如：吉科法〔2026〕12号（可不填）</source>
        <translation>e.g. JKF [2026] No. 12 (optional)</translation>
    </message>
    <message>
        <source>如：省优化营商环境建设领导小组办公室</source>
        <translation>e.g. the office of the provincial leading group for the business environment</translation>
    </message>
    <message>
        <source>上报的报告填写（可不填）</source>
        <translation>For a report to a superior body (optional)</translation>
    </message>
    <message>
        <source>如：联系人：陈静，联系电话：0431-88880000</source>
        <translation>e.g. Contact: Chen Jing, tel. 0431-88880000</translation>
    </message>
    <message>
        <source>如：厅领导，各处室</source>
        <translation>e.g. department leaders, all divisions</translation>
    </message>
    <message>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>印发日期</source>
        <translation>Printed on</translation>
    </message>
    <message>
        <source>按附件部分的标题列出</source>
        <translation>List the attachment sections&apos; titles</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>发文</source>
        <translation>Issuing</translation>
    </message>
    <message>
        <source>发文机关署名</source>
        <translation>Issuing authority (signature)</translation>
    </message>
    <message>
        <source>成文日期</source>
        <translation>Date of the document</translation>
    </message>
    <message>
        <source>发文字号</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>主送机关</source>
        <translation>Main recipient</translation>
    </message>
    <message>
        <source>签发人</source>
        <translation>Signed off by</translation>
    </message>
    <message>
        <source>附件说明</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>附注（联系人）</source>
        <translation>Note (contact)</translation>
    </message>
    <message>
        <source>版记（可不填）</source>
        <translation>Colophon (optional)</translation>
    </message>
    <message>
        <source>抄送</source>
        <translation>Copy to</translation>
    </message>
    <message>
        <source>印发机关</source>
        <translation>Printed by</translation>
    </message>
    <message>
        <source>保存文件要素</source>
        <translation>Save Document Fields</translation>
    </message>
    <message>
        <source>这些要素按报告类型记住，下一期的报告沿用（成文日期、文号和附件除外）。</source>
        <translation>These fields are remembered per kind of report and carried to the next period&apos;s report (except the date, the document number and the attachments).</translation>
    </message>
    <message>
        <source>附件名称</source>
        <translation>Attachment name</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>季度报告的主送机关；待办事项和督办事项来源中使用简称</source>
        <translation>Addressee of the quarterly report; the short name is used in the to-do list and as a source of supervised items</translation>
    </message>
    <message>
        <source>欢迎使用：本单位信息</source>
        <translation>Welcome: your department</translation>
    </message>
    <message>
        <source>请填写本单位的名称、简称和处室（每行一个处室）。也可以导入本单位的考核评价实施方案，处室会从方案的“责任处室”中读出。以后可在“文件 › 设置”中修改。</source>
        <translation>Enter your department&apos;s name, how it refers to itself and its divisions (one per line). You can also import your department&apos;s assessment plan: the divisions are read from its lines of responsible divisions. You can change all this later in File › Settings.</translation>
    </message>
    <message>
        <source>如：××省××厅</source>
        <translation>e.g. Provincial Department of …</translation>
    </message>
    <message>
        <source>每行一个处室，如：
办公室
法规处</source>
        <translation>One division per line, e.g.:
General Office
Legal Affairs Division</translation>
    </message>
    <message>
        <source>导入本单位方案…</source>
        <translation>Import our plan…</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Department name</translation>
    </message>
    <message>
        <source>简称</source>
        <translation>Short form</translation>
    </message>
    <message>
        <source>上级办公室（全称）</source>
        <translation>Superior office (full name)</translation>
    </message>
    <message>
        <source>上级办公室（简称）</source>
        <translation>Superior office (short name)</translation>
    </message>
    <message>
        <source>处室</source>
        <translation>Divisions</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>以后再说</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>联络员</source>
        <translation>Liaison</translation>
    </message>
    <message>
        <source>姓名（可以以后在“管理 › 联络员登记”中填写）</source>
        <translation>Name (can also be filled in later under Manage › Liaison Register)</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>所在处室</source>
        <translation>Division</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>已登记；变更请用“管理 › 联络员登记”。</source>
        <translation>Registered; for a change use Manage › Liaison Register.</translation>
    </message>
    <message>
        <source>数据保存在哪里，如何备份</source>
        <translation>Where the data lives, and how to back it up</translation>
    </message>
    <message>
        <source>数据库：%1&lt;br&gt;佐证材料：%2&lt;br&gt;自动备份：%3</source>
        <translation>Database: %1&lt;br&gt;Evidence files: %2&lt;br&gt;Automatic backups: %3</translation>
    </message>
    <message>
        <source>程序每次启动和每天自动备份一次。重要操作前请用“文件 › 立即备份”，并定期把备份文件复制到 U 盘或单位网盘；换电脑时用“文件 › 从备份恢复”。</source>
        <translation>The program backs up at every start and once a day. Before important work use File › Back Up Now, and copy the backup files to a USB stick or the office&apos;s network drive now and then; on a new computer use File › Restore from Backup.</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>Back Up Now</translation>
    </message>
    <message>
        <source>备份说明…</source>
        <translation>About Backups…</translation>
    </message>
    <message>
        <source>使用指南…</source>
        <translation>Getting Started…</translation>
    </message>
    <message>
        <source>设置本单位信息</source>
        <translation>Set the department</translation>
    </message>
</context>
<context>
    <name>FollowupDialog</name>
    <message>
        <source>新增整改事项</source>
        <translation>New follow-up item</translation>
    </message>
    <message>
        <source>（未指定）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>如 2026-04-30，可留空</source>
        <translation>e.g. 2026-04-30; may be empty</translation>
    </message>
    <message>
        <source>整改事项</source>
        <translation>Follow-up item</translation>
    </message>
    <message>
        <source>责任处室</source>
        <translation>Responsible division</translation>
    </message>
    <message>
        <source>整改时限</source>
        <translation>Follow-up deadline</translation>
    </message>
</context>
<context>
    <name>FollowupsModel</name>
    <message>
        <source>（未转）</source>
        <translation>(not yet)</translation>
    </message>
</context>
<context>
    <name>FontsNotice</name>
    <message>
        <source>方正小标宋（标题）</source>
        <translation>FZ XiaoBiaoSong (title)</translation>
    </message>
    <message>
        <source>仿宋_GB2312 或 仿宋（正文）</source>
        <translation>FangSong_GB2312 or FangSong (body text)</translation>
    </message>
    <message>
        <source>黑体（一级标题）</source>
        <translation>SimHei (level-1 headings)</translation>
    </message>
    <message>
        <source>楷体（二级标题）</source>
        <translation>KaiTi (level-2 headings)</translation>
    </message>
    <message>
        <source>宋体（页码）</source>
        <translation>SimSun (page numbers)</translation>
    </message>
    <message>
        <source>文泉驿微米黑</source>
        <translation>WenQuanYi Micro Hei</translation>
    </message>
    <message>
        <source>AR PL UMing（明体）</source>
        <translation>AR PL UMing (Ming)</translation>
    </message>
    <message>
        <source>霞鹜文楷</source>
        <translation>LXGW WenKai</translation>
    </message>
    <message>
        <source>%1 暂用 %2</source>
        <translation>%1: %2 is used instead</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>未找到正式字体：</source>
        <translation>Official fonts not found: </translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>。</source>
        <translation>. </translation>
    </message>
    <message>
        <source>把正式字体文件（simfang.ttf、simhei.ttf、simkai.ttf、方正小标宋简体.ttf 等）放在一个文件夹里，在&lt;a href=&quot;settings&quot;&gt;文件 › 设置 › 报告字体&lt;/a&gt;中选择该文件夹。</source>
        <translation>Put the official font files (simfang.ttf, simhei.ttf, simkai.ttf, the FZ XiaoBiaoSong file …) in one folder and choose that folder in &lt;a href=&quot;settings&quot;&gt;File › Settings › Report fonts&lt;/a&gt;.</translation>
    </message>
</context>
<context>
    <name>HelpOps</name>
    <message>
        <source>本页帮助(&amp;H)</source>
        <translation>Help on This &amp;Page</translation>
    </message>
    <message>
        <source>用户指南中说明当前选项卡的一节</source>
        <translation>The section of the user guide about the tab in front</translation>
    </message>
    <message>
        <source>用户指南(&amp;G)</source>
        <translation>User &amp;Guide</translation>
    </message>
    <message>
        <source>开始使用</source>
        <translation>Getting Started</translation>
    </message>
    <message>
        <source>月调度的步骤</source>
        <translation>The Monthly Round</translation>
    </message>
    <message>
        <source>备份与恢复</source>
        <translation>Backup and Restore</translation>
    </message>
    <message>
        <source>快捷键</source>
        <translation>Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>本单位信息（首次使用）…</source>
        <translation>Department Details (First Start)…</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>用户指南</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>后退</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>前进</source>
        <translation>Forward</translation>
    </message>
    <message>
        <source>目录</source>
        <translation>Contents</translation>
    </message>
</context>
<context>
    <name>ImportIndicatorsDialog</name>
    <message>
        <source>从 Excel 导入指标</source>
        <translation>Import Indicators from Excel</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose File…</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>工作表</source>
        <translation>Worksheet</translation>
    </message>
    <message>
        <source>导入到年度</source>
        <translation>Import into year</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>表头文字</source>
        <translation>Header text</translation>
    </message>
    <message>
        <source>列的含义</source>
        <translation>Meaning</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>表格行</source>
        <translation>Sheet rows</translation>
    </message>
    <message>
        <source>请选择要导入的工作簿。</source>
        <translation>Please choose the workbook to import.</translation>
    </message>
    <message>
        <source>列的含义（识别有误时请更正）</source>
        <translation>Meaning of the columns (correct it where it was recognized wrongly)</translation>
    </message>
    <message>
        <source>表中写到的每个单位如何对应到本厅处室；黄色的请确认（名称相近、新处室或不是单位）。确认的对应关系会记住，下次导入自动使用。</source>
        <translation>How each unit the table names maps to the department&apos;s divisions; please check the yellow ones (a similar name, a new division, or not a unit). Confirmed mappings are remembered for the next import.</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>将要新建和更新的内容（不会删除任何内容）</source>
        <translation>What will be created and updated (nothing is deleted)</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>（不导入）</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>维度</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>一级指标</source>
        <translation>First-level indicator</translation>
    </message>
    <message>
        <source>二级指标</source>
        <translation>Second-level indicator</translation>
    </message>
    <message>
        <source>子任务</source>
        <translation>Sub-task</translation>
    </message>
    <message>
        <source>考评内容及标准</source>
        <translation>Evaluation standard</translation>
    </message>
    <message>
        <source>分值</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>牵头处室</source>
        <translation>Lead divisions</translation>
    </message>
    <message>
        <source>责任处室</source>
        <translation>Responsible divisions</translation>
    </message>
    <message>
        <source>配合处室</source>
        <translation>Cooperating divisions</translation>
    </message>
    <message>
        <source>责任人</source>
        <translation>Person responsible</translation>
    </message>
    <message>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>更新</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>职责</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>牵头</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>负责</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>配合</source>
        <translation>Cooperating</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>处室</source>
        <translation>Division</translation>
    </message>
    <message>
        <source>选择要导入的工作簿（.xlsx、.xls 或 .ods）</source>
        <translation>Choose the workbook to import (.xlsx, .xls or .ods)</translation>
    </message>
    <message>
        <source>责任分工</source>
        <translation>Assignment</translation>
    </message>
    <message>
        <source>选择指标表</source>
        <translation>Choose Indicator Sheet</translation>
    </message>
    <message>
        <source>电子表格 (*.xlsx *.xlsm *.xls *.ods);;所有文件 (*)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.ods);;All files (*)</translation>
    </message>
    <message>
        <source>正在读取“%1”</source>
        <translation>Reading “%1”</translation>
    </message>
    <message>
        <source>正在比对“%1”</source>
        <translation>Comparing “%1” with the database</translation>
    </message>
    <message>
        <source>无法导入：请先更正列的含义。</source>
        <translation>Cannot import: correct the meaning of the columns first.</translation>
    </message>
    <message>
        <source>单位（请确认）</source>
        <translation>Units (please check)</translation>
    </message>
    <message>
        <source>从 Excel 导入指标（%1）</source>
        <translation>Import indicators from Excel (%1)</translation>
    </message>
</context>
<context>
    <name>ImportSupervisionDialog</name>
    <message>
        <source>从 Excel 导入督办事项台账</source>
        <translation>Import the supervised-items ledger from Excel</translation>
    </message>
    <message>
        <source>选择要导入的工作簿（.xlsx、.xls 或 .ods）</source>
        <translation>Choose the workbook to import (.xlsx, .xls or .ods)</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>导入后</source>
        <translation>On import</translation>
    </message>
    <message>
        <source>表格行</source>
        <translation>Sheet row</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>交办日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>事项内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>牵头处室</source>
        <translation>Lead division</translation>
    </message>
    <message>
        <source>配合处室</source>
        <translation>Cooperating divisions</translation>
    </message>
    <message>
        <source>办结时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>分管领导</source>
        <translation>Leader in charge</translation>
    </message>
    <message>
        <source>督办类型</source>
        <translation>Supervision type</translation>
    </message>
    <message>
        <source>请选择要导入的督办事项台账。</source>
        <translation>Choose the supervised-items ledger to import.</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>读到的督办事项（按编号匹配已有事项，其次按事项内容和交办日期；不会删除任何内容）</source>
        <translation>Items read (matched to existing items by number, else by content and date received; nothing is deleted)</translation>
    </message>
    <message>
        <source>台账中写到的每个单位如何对应到本厅处室；黄色的请确认（名称相近、新处室或不是单位）。确认的对应关系会记住，下次导入自动使用。</source>
        <translation>How each unit the ledger names maps to the department&apos;s divisions; please check the yellow ones (a similar name, a new division, or not a unit). Confirmed mappings are remembered for the next import.</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>选择督办事项台账</source>
        <translation>Choose the supervised-items ledger</translation>
    </message>
    <message>
        <source>电子表格 (*.xlsx *.xlsm *.xls *.ods);;所有文件 (*)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.ods);;All files (*)</translation>
    </message>
    <message>
        <source>正在读取“%1”</source>
        <translation>Reading “%1”</translation>
    </message>
    <message>
        <source>正在比对“%1”</source>
        <translation>Comparing “%1” with the database</translation>
    </message>
    <message>
        <source>单位（请确认）</source>
        <translation>Units (please check)</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>更新</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>不变</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>将新建处室：%1</source>
        <translation>Divisions to be created: %1</translation>
    </message>
    <message>
        <source>从 Excel 导入督办事项（%1）</source>
        <translation>Import supervised items from Excel (%1)</translation>
    </message>
</context>
<context>
    <name>IndicatorDialog</name>
    <message>
        <source>一级指标</source>
        <translation>First-level indicator</translation>
    </message>
    <message>
        <source>二级指标</source>
        <translation>Second-level indicator</translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <source>例如：2026-12-31、每季度前5个工作日内</source>
        <translation>e.g. 2026-12-31, or within the first 5 working days of each quarter</translation>
    </message>
    <message>
        <source>有分值</source>
        <translation>Scored</translation>
    </message>
    <message>
        <source>考核的数值，例如：网上可办率</source>
        <translation>The value assessed, e.g. online availability rate</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>考评内容及标准</source>
        <translation>Evaluation standard</translation>
    </message>
    <message>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>类型与目标</source>
        <translation>Type and target</translation>
    </message>
    <message>
        <source>指标类型</source>
        <translation>Indicator type</translation>
    </message>
    <message>
        <source>目标数值项</source>
        <translation>Target metric</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>分值</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>责任处室</source>
        <translation>Responsible divisions</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <source>编辑督查</source>
        <translation>Edit inspection</translation>
    </message>
    <message>
        <source>登记督查</source>
        <translation>Record an inspection</translation>
    </message>
    <message>
        <source>如 第一季度营商环境考核评价工作督查</source>
        <translation>e.g. Q1 inspection of the assessment work</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>督查的二级指标编号，如 10、13</source>
        <translation>Numbers of the second-level indicators inspected, e.g. 10, 13</translation>
    </message>
    <message>
        <source>督查日期</source>
        <translation>Inspection date</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>督查指标</source>
        <translation>Indicators inspected</translation>
    </message>
    <message>
        <source>督查处室</source>
        <translation>Divisions inspected</translation>
    </message>
    <message>
        <source>督查发现</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>InspectionsModel</name>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 项（已转督办 %2）</source>
        <translation>%1 (%2 made supervised items)</translation>
    </message>
</context>
<context>
    <name>InspectionsView</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>督查指标</source>
        <translation>Indicators inspected</translation>
    </message>
    <message>
        <source>督查处室</source>
        <translation>Divisions inspected</translation>
    </message>
    <message>
        <source>整改事项</source>
        <translation>Follow-up item</translation>
    </message>
    <message>
        <source>佐证</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>责任处室</source>
        <translation>Responsible division</translation>
    </message>
    <message>
        <source>整改时限</source>
        <translation>Follow-up deadline</translation>
    </message>
    <message>
        <source>督办事项</source>
        <translation>Supervised item</translation>
    </message>
    <message>
        <source>登记督查…</source>
        <translation>Record an inspection…</translation>
    </message>
    <message>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>新增整改事项…</source>
        <translation>New follow-up item…</translation>
    </message>
    <message>
        <source>转为督办事项</source>
        <translation>Make it a supervised item</translation>
    </message>
    <message>
        <source>删除整改事项</source>
        <translation>Delete follow-up item</translation>
    </message>
    <message>
        <source>四（三）定期对考核评价工作进行督查</source>
        <translation>Section 4 (3): regular inspection of the assessment work</translation>
    </message>
    <message>
        <source>督查发现与整改事项</source>
        <translation>Findings and follow-up items</translation>
    </message>
    <message>
        <source>登记督查“%1”</source>
        <translation>Record inspection “%1”</translation>
    </message>
    <message>
        <source>修改督查“%1”</source>
        <translation>Change inspection “%1”</translation>
    </message>
    <message>
        <source>删除督查“%1”</source>
        <translation>Delete inspection “%1”</translation>
    </message>
    <message>
        <source>新增整改事项“%1”</source>
        <translation>New follow-up item “%1”</translation>
    </message>
    <message>
        <source>整改事项转为督办事项</source>
        <translation>Follow-up item made a supervised item</translation>
    </message>
    <message>
        <source>删除督查“%1”？此操作可以撤销。</source>
        <translation>Delete inspection “%1”? This can be undone.</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>编辑督办事项</source>
        <translation>Edit Supervised Item</translation>
    </message>
    <message>
        <source>新增督办事项</source>
        <translation>New Supervised Item</translation>
    </message>
    <message>
        <source>留空则自动编号（DB-年份-序号）</source>
        <translation>Leave empty to number automatically (DB-year-sequence)</translation>
    </message>
    <message>
        <source>例如 2026-03-15</source>
        <translation>e.g. 2026-03-15</translation>
    </message>
    <message>
        <source>日期如 2026-06-30，或照文件写：6月底前、持续推进</source>
        <translation>A date such as 2026-06-30, or as written in the document: by end of June, ongoing</translation>
    </message>
    <message>
        <source>投诉经查属实</source>
        <translation>Complaint verified as true</translation>
    </message>
    <message>
        <source>问责对象、方式和文号；投诉属实的须填写后才能销号</source>
        <translation>Who was held accountable, how, and the document number; required before a verified complaint can be struck off</translation>
    </message>
    <message>
        <source>牵头处室</source>
        <translation>Lead divisions</translation>
    </message>
    <message>
        <source>配合处室</source>
        <translation>Cooperating divisions</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>交办日期</source>
        <translation>Assigned on</translation>
    </message>
    <message>
        <source>事项内容</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>办结时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>责任处室</source>
        <translation>Responsible divisions</translation>
    </message>
    <message>
        <source>办理进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>办结报告</source>
        <translation>Closure report</translation>
    </message>
    <message>
        <source>投诉核查</source>
        <translation>Complaint check</translation>
    </message>
    <message>
        <source>问责记录</source>
        <translation>Accountability record</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>台账信息</source>
        <translation>Ledger details</translation>
    </message>
    <message>
        <source>专项督办</source>
        <translation>Special supervision</translation>
    </message>
    <message>
        <source>重点督办</source>
        <translation>Key supervision</translation>
    </message>
    <message>
        <source>日常督办</source>
        <translation>Routine supervision</translation>
    </message>
    <message>
        <source>限时督办</source>
        <translation>Time-limited supervision</translation>
    </message>
    <message>
        <source>特急</source>
        <translation>Most urgent</translation>
    </message>
    <message>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>一般</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>分管厅领导的姓名（不是处室）</source>
        <translation>Name of the leader in charge (a person, not a division)</translation>
    </message>
    <message>
        <source>每周</source>
        <translation>Weekly</translation>
    </message>
    <message>
        <source>每半月</source>
        <translation>Every half month</translation>
    </message>
    <message>
        <source>每月</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <source>每季度</source>
        <translation>Quarterly</translation>
    </message>
    <message>
        <source>办结后</source>
        <translation>When closed</translation>
    </message>
    <message>
        <source>例如 60%、基本完成</source>
        <translation>e.g. 60%, nearly done</translation>
    </message>
    <message>
        <source> 次</source>
        <translation> times</translation>
    </message>
    <message>
        <source>台账中的催办次数（起始数）；在程序中登记的每次催办另行累加</source>
        <translation>Times chased according to the ledger (the starting figure); each reminder recorded here adds one</translation>
    </message>
    <message>
        <source>关联的二级指标编号，如 17；多个用顿号分隔</source>
        <translation>Numbers of the second-level indicators it concerns, e.g. 17; several separated by commas</translation>
    </message>
    <message>
        <source>督办内容及要求</source>
        <translation>Content and requirements</translation>
    </message>
    <message>
        <source>督办类型</source>
        <translation>Supervision type</translation>
    </message>
    <message>
        <source>紧急程度</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>分管领导</source>
        <translation>Leader in charge</translation>
    </message>
    <message>
        <source>反馈周期</source>
        <translation>Feedback cycle</translation>
    </message>
    <message>
        <source>完成进度</source>
        <translation>Completion</translation>
    </message>
    <message>
        <source>催办次数</source>
        <translation>Times chased</translation>
    </message>
    <message>
        <source>关联指标</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>未定时限：不计逾期</source>
        <translation>No deadline: never overdue</translation>
    </message>
    <message>
        <source>按工作日历计算，保存后显示日期</source>
        <translation>Calculated with the working calendar; the date shows after saving</translation>
    </message>
    <message>
        <source>未能读出日期（如“持续推进”）：照写保存，不计逾期</source>
        <translation>No date could be read (e.g. “ongoing”): saved as written, never overdue</translation>
    </message>
    <message>
        <source>按 %1 计算逾期</source>
        <translation>Overdue after %1</translation>
    </message>
</context>
<context>
    <name>LiaisonDialog</name>
    <message>
        <source>联络员登记</source>
        <translation>Liaison Register</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>处室</source>
        <translation>Division</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>任职开始</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>任职结束</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>报备日期</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>登记新联络员…</source>
        <translation>Register New Liaison…</translation>
    </message>
    <message>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>标记已报备</source>
        <translation>Mark as Reported</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>尚未登记现任联络员（指标 (2)：配备营商环境建设联络员，如有变更须及时报备）。</source>
        <translation>No current liaison is registered (indicator (2): appoint a business-environment liaison and report any change promptly).</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>现任联络员：%1，%2 起任职。</source>
        <translation>Current liaison: %1, in office since %2.</translation>
    </message>
    <message>
        <source>%1（%2 起）</source>
        <translation>%1 (from %2)</translation>
    </message>
    <message>
        <source>尚未报备的变更：%1。</source>
        <translation> Changes not yet reported: %1.</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>所有变更均已报备。</source>
        <translation> All changes have been reported.</translation>
    </message>
    <message>
        <source>现任</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>未报备</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <source>登记联络员“%1”</source>
        <translation>Register liaison “%1”</translation>
    </message>
    <message>
        <source>修改联络员“%1”</source>
        <translation>Edit liaison “%1”</translation>
    </message>
    <message>
        <source>联络员“%1”已报备</source>
        <translation>Mark liaison “%1” as reported</translation>
    </message>
    <message>
        <source>删除联络员“%1”</source>
        <translation>Delete liaison “%1”</translation>
    </message>
    <message>
        <source>删除联络员“%1”（%2 起）的登记？此操作可以撤销。</source>
        <translation>Delete the registration of liaison “%1” (from %2)? This can be undone.</translation>
    </message>
    <message>
        <source>确认删除</source>
        <translation>Confirm Deletion</translation>
    </message>
</context>
<context>
    <name>LiaisonForm</name>
    <message>
        <source>编辑联络员</source>
        <translation>Edit Liaison</translation>
    </message>
    <message>
        <source>登记新联络员</source>
        <translation>Register New Liaison</translation>
    </message>
    <message>
        <source>（未指定）</source>
        <translation>(not specified)</translation>
    </message>
    <message>
        <source>已离任</source>
        <translation>Left office</translation>
    </message>
    <message>
        <source>已报备</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>处室</source>
        <translation>Division</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>任职开始</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>任职结束</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>报备日期</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>指标体系</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>看板</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>月调度</source>
        <translation>Monthly Dispatch</translation>
    </message>
    <message>
        <source>%1 的月调度尚未开始。现在开始吗？</source>
        <translation>The dispatch of %1 has not been started. Start it now?</translation>
    </message>
    <message>
        <source>逐项自评</source>
        <translation>Self-evaluation</translation>
    </message>
    <message>
        <source>宣传推广与表扬</source>
        <translation>Recognition</translation>
    </message>
    <message>
        <source>督办事项</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>考评记录</source>
        <translation>Assessment records</translation>
    </message>
    <message>
        <source>待办</source>
        <translation>To-do</translation>
    </message>
    <message>
        <source>筛选：编号、名称、标准、处室……</source>
        <translation>Filter: no., name, standard, division…</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>筛选(&amp;F)</source>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <source>全部展开</source>
        <translation>Expand All</translation>
    </message>
    <message>
        <source>全部折叠</source>
        <translation>Collapse All</translation>
    </message>
    <message>
        <source>详情面板</source>
        <translation>Detail Panel</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>月调度(&amp;D)</source>
        <translation>Monthly &amp;Dispatch</translation>
    </message>
    <message>
        <source>报告(&amp;R)</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <source>年度(&amp;Y)</source>
        <translation>&amp;Year</translation>
    </message>
    <message>
        <source>管理(&amp;M)</source>
        <translation>&amp;Manage</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>%1 年度</source>
        <translation>Year %1</translation>
    </message>
    <message>
        <source>营商环境考核评价工作台 — %1</source>
        <translation>Business Environment Assessment Workbench — %1</translation>
    </message>
    <message>
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <source>没有年度方案</source>
        <translation>No plan year</translation>
    </message>
    <message>
        <source>%1 年度：%2 个维度，%3 个一级指标，%4 个二级指标，%5 个子任务</source>
        <translation>Year %1: %2 dimensions, %3 first-level indicators, %4 second-level indicators, %5 sub-tasks</translation>
    </message>
    <message>
        <source>待办提醒</source>
        <translation>To-do Reminder</translation>
    </message>
</context>
<context>
    <name>Maintenance</name>
    <message>
        <source>只读</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <source>此窗口以只读方式打开（另一个窗口正在使用该数据库），请在那个窗口中备份或恢复。</source>
        <translation>This window is open read-only (another window is using the database); back up or restore in that window.</translation>
    </message>
    <message>
        <source>无法备份</source>
        <translation>Cannot Back Up</translation>
    </message>
    <message>
        <source>正在备份</source>
        <translation>Backing up</translation>
    </message>
    <message>
        <source>备份完成</source>
        <translation>Backup Complete</translation>
    </message>
    <message>
        <source>已备份到：%1</source>
        <translation>Backed up to: %1</translation>
    </message>
    <message>
        <source>选择要恢复的备份</source>
        <translation>Choose the backup to restore</translation>
    </message>
    <message>
        <source>备份 (*.zip *.sqlite3 *.db *.bak);;所有文件 (*)</source>
        <translation>Backups (*.zip *.sqlite3 *.db *.bak);;All files (*)</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from Backup</translation>
    </message>
    <message>
        <source>用“%1”替换当前的全部数据和佐证材料？当前数据会先自动备份。</source>
        <translation>Replace all current data and evidence with “%1”? The current data is backed up first.</translation>
    </message>
    <message>
        <source>正在从备份恢复</source>
        <translation>Restoring from the backup</translation>
    </message>
    <message>
        <source>无法恢复</source>
        <translation>Cannot Restore</translation>
    </message>
    <message>
        <source>恢复完成</source>
        <translation>Restore Complete</translation>
    </message>
    <message>
        <source>已从“%1”恢复数据库和佐证材料。</source>
        <translation>The database and the evidence were restored from “%1”.</translation>
    </message>
    <message>
        <source>恢复前的数据已备份到：%1</source>
        <translation>The data as it was before is backed up in: %1</translation>
    </message>
    <message>
        <source>恢复前已损坏的数据库文件原样保存在：%1</source>
        <translation>The damaged database file as it was is kept in: %1</translation>
    </message>
    <message>
        <source>放回了 %1 个佐证材料文件。</source>
        <translation>%1 evidence files were put back.</translation>
    </message>
    <message>
        <source>注意：备份中没有以下佐证材料：%1</source>
        <translation>Note: these evidence files are not in the backup: %1</translation>
    </message>
    <message>
        <source>检查发现问题</source>
        <translation>Problems Found</translation>
    </message>
    <message>
        <source>检查完成</source>
        <translation>Check Complete</translation>
    </message>
    <message>
        <source>数据库完整，外键无误，所有佐证材料文件与登记一致。</source>
        <translation>The database is intact, its foreign keys are valid, and every evidence file matches its record.</translation>
    </message>
    <message>
        <source>正在检查数据</source>
        <translation>Checking the data</translation>
    </message>
    <message>
        <source>数据库文件已损坏</source>
        <translation>The database file is damaged</translation>
    </message>
</context>
<context>
    <name>MakeFormsDialog</name>
    <message>
        <source>生成处室调度表</source>
        <translation>Make Division Dispatch Forms</translation>
    </message>
    <message>
        <source>%1 月调度表</source>
        <translation>dispatch-forms-%1</translation>
    </message>
    <message>
        <source>选择文件夹…</source>
        <translation>Choose Folder…</translation>
    </message>
    <message>
        <source>生成</source>
        <translation>Make</translation>
    </message>
    <message>
        <source>打开文件夹</source>
        <translation>Open Folder</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>%1：每个处室一个工作簿，只含本处室的行并附上月情况；关键列已锁定，完成状态可下拉选择，数字单元格只收数字。</source>
        <translation>%1: one workbook per division, with only its own rows and last month&apos;s entries; key columns are locked, the status is chosen from a list, and number cells accept only numbers.</translation>
    </message>
    <message>
        <source>保存到：</source>
        <translation>Save to:</translation>
    </message>
    <message>
        <source>选择保存调度表的文件夹</source>
        <translation>Choose the folder for the dispatch forms</translation>
    </message>
    <message>
        <source>请先选择保存调度表的文件夹。</source>
        <translation>Please choose the folder for the dispatch forms first.</translation>
    </message>
    <message>
        <source>覆盖文件</source>
        <translation>Overwrite Files</translation>
    </message>
    <message>
        <source>文件夹中已有 %1 个同名调度表（可能是已交回的表）。覆盖它们吗？</source>
        <translation>The folder already has %1 dispatch forms with the same names (they may be returned forms). Overwrite them?</translation>
    </message>
    <message>
        <source>正在生成 %1 处室调度表</source>
        <translation>Making the division dispatch forms of %1</translation>
    </message>
    <message>
        <source>无法写入文件夹“%1”：%2。请检查路径和权限。</source>
        <translation>Cannot write to the folder “%1”: %2. Please check the path and the permissions.</translation>
    </message>
    <message>
        <source>已生成 %1 个调度表，保存在 %2。发给各处室填写，交回后用“收回调度表”读入。</source>
        <translation>Made %1 dispatch forms in %2. Send them to the divisions to fill in, and read the returned forms with “Collect Forms”.</translation>
    </message>
</context>
<context>
    <name>MonthModel</name>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>子任务</source>
        <translation>Sub-task</translation>
    </message>
    <message>
        <source>责任处室</source>
        <translation>Responsible division</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>本月进展</source>
        <translation>Progress this month</translation>
    </message>
    <message>
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>下步打算</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <source>责任人</source>
        <translation>Person responsible</translation>
    </message>
    <message>
        <source>分子</source>
        <translation>Numerator</translation>
    </message>
    <message>
        <source>分母</source>
        <translation>Denominator</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>达标</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>配合处室意见</source>
        <translation>Comments of cooperating divisions</translation>
    </message>
    <message>
        <source>佐证</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>未启动</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>推进中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>滞后</source>
        <translation>Behind schedule</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>未达标</source>
        <translation>Not met</translation>
    </message>
    <message>
        <source>上月没有这一行</source>
        <translation>This row did not exist last month</translation>
    </message>
    <message>
        <source>上月：%1</source>
        <translation>Last month: %1</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>填写 %1 %2 的%3</source>
        <translation>Enter %3 of %2 for %1</translation>
    </message>
</context>
<context>
    <name>MonthPickerDialog</name>
    <message>
        <source>开始本月</source>
        <translation>Start the Month</translation>
    </message>
    <message>
        <source>%1年%2月</source>
        <translation>%2/%1</translation>
    </message>
    <message>
        <source>（应办）</source>
        <translation> (due)</translation>
    </message>
    <message>
        <source>选择要开始的月份。上月的状态、存在问题、下步打算和数值会带入，进展只在已完成时带入。</source>
        <translation>Choose the month to start. Last month&apos;s status, problems, next steps and figures are carried over; progress only where finished.</translation>
    </message>
    <message>
        <source>%1 仍在填报中，尚未关闭；关闭它用“月调度 › 关闭本月”。</source>
        <translation>%1 is still open for entries; close it with Monthly Dispatch › Close the Month.</translation>
    </message>
    <message>
        <source>没有可以开始的月份：本月和下月都已开始，或还没有年度方案。</source>
        <translation>No month can be started: this month and next month have been started, or there is no plan year yet.</translation>
    </message>
</context>
<context>
    <name>MonthRoundOps</name>
    <message>
        <source>开始本月…</source>
        <translation>Start the Month…</translation>
    </message>
    <message>
        <source>生成处室调度表…</source>
        <translation>Make Division Forms…</translation>
    </message>
    <message>
        <source>收回调度表…</source>
        <translation>Collect Returned Forms…</translation>
    </message>
    <message>
        <source>催报名单…</source>
        <translation>Divisions to Chase…</translation>
    </message>
    <message>
        <source>关闭本月…</source>
        <translation>Close the Month…</translation>
    </message>
    <message>
        <source>生成报告…</source>
        <translation>Make the Report…</translation>
    </message>
    <message>
        <source>开始一个月的月调度：从计划和上月带入各行</source>
        <translation>Start a month&apos;s dispatch: rows from the plan and from last month</translation>
    </message>
    <message>
        <source>为每个处室生成 %1 的 Excel 调度表</source>
        <translation>Make each division&apos;s Excel form for %1</translation>
    </message>
    <message>
        <source>读入处室交回的 %1 调度表，检查后写入</source>
        <translation>Read the forms for %1 the divisions sent back, check them and write them</translation>
    </message>
    <message>
        <source>%1 还没有交回调度表的处室</source>
        <translation>Divisions that have not sent back their form for %1</translation>
    </message>
    <message>
        <source>%1 已上报：关闭后只读</source>
        <translation>%1 has been reported: read-only once closed</translation>
    </message>
    <message>
        <source>%1 月调度情况报告（预览、PDF、打印）</source>
        <translation>The monthly dispatch report for %1 (preview, PDF, print)</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>催报名单</source>
        <translation>Divisions to Chase</translation>
    </message>
    <message numerus="yes">
        <source>%1 还有 %n 个处室没有交回调度表：</source>
        <translation>
            <numerusform>%1: %n division has not sent back its form yet:</numerusform>
            <numerusform>%1: %n divisions have not sent back their forms yet:</numerusform>
        </translation>
    </message>
    <message>
        <source>名单已复制到剪贴板。</source>
        <translation>The list has been copied to the clipboard.</translation>
    </message>
    <message>
        <source>仍然关闭本月吗？关闭后只读；如需修改须说明原因后重新打开。</source>
        <translation>Close the month anyway? It becomes read-only; to change it later, reopen it with a reason.</translation>
    </message>
    <message>
        <source>关闭 %1 的月调度？关闭后只读；如需修改须说明原因后重新打开。</source>
        <translation>Close the dispatch of %1? It becomes read-only; to change it later, reopen it with a reason.</translation>
    </message>
    <message>
        <source>关闭本月</source>
        <translation>Close the Month</translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <source>补充新增行</source>
        <translation>Add New Rows</translation>
    </message>
    <message>
        <source>把本月开始后计划中新增的指标、子任务或处室加入本月</source>
        <translation>Add the indicators, sub-tasks and divisions that entered the plan after this month was started</translation>
    </message>
    <message>
        <source>关闭本月</source>
        <translation>Close Month</translation>
    </message>
    <message>
        <source>本月已上报：关闭后只读</source>
        <translation>The month has been submitted: once closed, it is read-only</translation>
    </message>
    <message>
        <source>重新打开…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>筛选指标、进展、问题……</source>
        <translation>Filter: indicator, progress, problems…</translation>
    </message>
    <message>
        <source>开始本月…</source>
        <translation>Start the Month…</translation>
    </message>
    <message>
        <source>只看与上月相比有变化的行</source>
        <translation>Only rows changed since last month</translation>
    </message>
    <message>
        <source>月调度步骤</source>
        <translation>Monthly round</translation>
    </message>
    <message>
        <source>月份：</source>
        <translation>Month:</translation>
    </message>
    <message>
        <source>处室：</source>
        <translation>Division:</translation>
    </message>
    <message>
        <source>状态：</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>与上月相比</source>
        <translation>Compared with last month</translation>
    </message>
    <message>
        <source>报送情况</source>
        <translation>Returns</translation>
    </message>
    <message>
        <source>佐证材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>（已关闭）</source>
        <translation> (closed)</translation>
    </message>
    <message>
        <source>全部处室</source>
        <translation>All divisions</translation>
    </message>
    <message>
        <source>只看与上月（%1）相比有变化的行</source>
        <translation>Only rows changed since last month (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n 项：%2</source>
        <translation>
            <numerusform>%n row: %2</numerusform>
            <numerusform>%n rows: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>与 %1 的状态、进展、问题、下步打算和数值比较；本月收回的调度表与上月相同的行不算变化</source>
        <translation>Compared with %1: status, progress, problems, next steps and figures; a row whose returned form says the same as last month is not a change</translation>
    </message>
    <message>
        <source>季度快照</source>
        <translation>Quarter snapshot</translation>
    </message>
    <message>
        <source>只看与 %1 相比有变化的行（%2 未调度）</source>
        <translation>Only rows changed since %1 (%2 not dispatched)</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>上月（%1）没有调度记录，没有可比较的行</source>
        <translation>Last month (%1) has no dispatch: there is nothing to compare with</translation>
    </message>
    <message>
        <source>尚未开始任何月份：点“开始本月…”。</source>
        <translation>No month has been started: click Start the Month….</translation>
    </message>
    <message>
        <source>已关闭（%1），只读</source>
        <translation>Closed (%1), read-only</translation>
    </message>
    <message>
        <source>；截止后按设置自动关闭</source>
        <translation>; closed on its own after its deadline, as set</translation>
    </message>
    <message>
        <source>；曾重新打开：%1</source>
        <translation>; reopened: %1</translation>
    </message>
    <message>
        <source>填报中</source>
        <translation>Open for entries</translation>
    </message>
    <message>
        <source>%1 尚未登记</source>
        <translation>%1 not recorded yet</translation>
    </message>
    <message>
        <source>排名（考评记录）：%1</source>
        <translation>Ranking (Assessment records): %1</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1：无</source>
        <translation>%1: none</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>• %1（%2）%3</source>
        <translation>• %1 (%2)%3</translation>
    </message>
    <message>
        <source>状态变化</source>
        <translation>Status changes</translation>
    </message>
    <message>
        <source>新完成</source>
        <translation>Newly completed</translation>
    </message>
    <message>
        <source>新滞后</source>
        <translation>Newly behind schedule</translation>
    </message>
    <message>
        <source>开始 %1 月调度</source>
        <translation>Start the %1 monthly dispatch</translation>
    </message>
    <message>
        <source>补充 %1 新增行</source>
        <translation>Add new rows to %1</translation>
    </message>
    <message>
        <source>关闭 %1 的月调度？关闭后只读；如需修改须说明原因后重新打开。</source>
        <translation>Close the %1 monthly dispatch? It becomes read-only; to change it later, reopen it and give the reason.</translation>
    </message>
    <message>
        <source>关闭 %1 月调度</source>
        <translation>Close the %1 monthly dispatch</translation>
    </message>
    <message>
        <source>重新打开</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>重新打开 %1 的原因（记入修改记录）：</source>
        <translation>Reason for reopening %1 (kept in the change record):</translation>
    </message>
    <message>
        <source>重新打开 %1 月调度</source>
        <translation>Reopen the %1 monthly dispatch</translation>
    </message>
    <message>
        <source>上月没有调度记录，无可比较。</source>
        <translation>There is no dispatch for last month to compare with.</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>有变化的行：%1</source>
        <translation>Changed rows: %1</translation>
    </message>
</context>
<context>
    <name>NarrativeDialog</name>
    <message>
        <source>自评说明</source>
        <translation>Self-evaluation notes</translation>
    </message>
    <message>
        <source>%1 %2 — %3</source>
        <translation>%1 %2 — %3</translation>
    </message>
    <message>
        <source>考评内容及标准：%1</source>
        <translation>Evaluation standard: %1</translation>
    </message>
</context>
<context>
    <name>NewDivisionDialog</name>
    <message>
        <source>新增处室或分组</source>
        <translation>New Division or Group</translation>
    </message>
    <message>
        <source>例如：政务服务处</source>
        <translation>e.g. Government Services Division</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
</context>
<context>
    <name>PdfPages</name>
    <message>
        <source>打印机无法开始打印：请检查打印机是否连接、是否有纸。</source>
        <translation>The printer cannot start printing: check that it is connected and has paper.</translation>
    </message>
</context>
<context>
    <name>PlanImportDialog</name>
    <message>
        <source>导入方案文档</source>
        <translation>Import plan document</translation>
    </message>
    <message>
        <source>选择 Word 文档（.docx）或文本文件（.txt）</source>
        <translation>Choose a Word document (.docx) or a text file (.txt)</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>把方案全文粘贴到这里（可从 Word、WPS 或 PDF 阅读器中复制），再点“读取粘贴的文字”。</source>
        <translation>Paste the whole plan here (copied from Word, WPS or a PDF reader), then click “Read pasted text”.</translation>
    </message>
    <message>
        <source>读取粘贴的文字</source>
        <translation>Read pasted text</translation>
    </message>
    <message>
        <source>从文件</source>
        <translation>From a file</translation>
    </message>
    <message>
        <source>粘贴文字</source>
        <translation>Paste text</translation>
    </message>
    <message>
        <source>替换该年度现有的方案（该年度还没有月调度、自评等记录时）</source>
        <translation>Replace the year&apos;s plan (while the year holds no dispatch, self-evaluation or other records)</translation>
    </message>
    <message>
        <source>方案来源</source>
        <translation>Plan from</translation>
    </message>
    <message>
        <source>导入为年度</source>
        <translation>Import as year</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>责任处室</source>
        <translation>Divisions</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>原来 → 现在</source>
        <translation>Before → now</translation>
    </message>
    <message>
        <source>文档中的单位</source>
        <translation>Unit in the document</translation>
    </message>
    <message>
        <source>对应为</source>
        <translation>Maps to</translation>
    </message>
    <message>
        <source>所在行（段）</source>
        <translation>Line (paragraph)</translation>
    </message>
    <message>
        <source>与上一年度比较</source>
        <translation>Against the year before</translation>
    </message>
    <message>
        <source>单位对应</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>导入后的指标体系</source>
        <translation>The indicators after the import</translation>
    </message>
    <message>
        <source>请选择方案文档，或粘贴方案全文。</source>
        <translation>Choose a plan document, or paste the whole plan.</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>定性</source>
        <translation>qualitative</translation>
    </message>
    <message>
        <source>定量</source>
        <translation>quantitative</translation>
    </message>
    <message>
        <source>排名</source>
        <translation>ranking</translation>
    </message>
    <message>
        <source>计数</source>
        <translation>counted</translation>
    </message>
    <message>
        <source>子任务</source>
        <translation>sub-task</translation>
    </message>
    <message>
        <source>牵头</source>
        <translation>lead</translation>
    </message>
    <message>
        <source>负责</source>
        <translation>responsible</translation>
    </message>
    <message>
        <source>配合</source>
        <translation>cooperating</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>改动措辞</source>
        <translation>Reworded</translation>
    </message>
    <message>
        <source>责任处室变化</source>
        <translation>Divisions changed</translation>
    </message>
    <message>
        <source>选择方案文档</source>
        <translation>Choose a plan document</translation>
    </message>
    <message>
        <source>方案文档 (*.docx *.txt);;所有文件 (*)</source>
        <translation>Plan documents (*.docx *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>粘贴的文字</source>
        <translation>pasted text</translation>
    </message>
    <message>
        <source>正在读取……</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>正在读取方案文档</source>
        <translation>Reading the plan document</translation>
    </message>
    <message>
        <source>无法导入：%1</source>
        <translation>Cannot import: %1</translation>
    </message>
    <message>
        <source>“%1”：%2 个维度、%3 个一级指标、%4 个二级指标，导入为 %5 年度。</source>
        <translation>“%1”: %2 dimensions, %3 first-level and %4 second-level indicators, to be imported as the year %5.</translation>
    </message>
    <message>
        <source>有 %1 条提示，请查看“提示”。</source>
        <translation> %1 notes: see Notes.</translation>
    </message>
    <message>
        <source>文档似乎不完整。</source>
        <translation> The document seems cut off.</translation>
    </message>
    <message>
        <source>（数据库中还没有可比较的年度）</source>
        <translation>(no year in the database to compare with)</translation>
    </message>
    <message>
        <source>与 %1 年度比较</source>
        <translation>Against %1</translation>
    </message>
    <message>
        <source>（二级指标没有变化）</source>
        <translation>(no second-level indicator changed)</translation>
    </message>
    <message>
        <source>可能是“%1”（未确认：按文档名称新建）</source>
        <translation>Probably “%1” (not confirmed: made new as named)</translation>
    </message>
    <message>
        <source>新建处室“%1”</source>
        <translation>New division “%1”</translation>
    </message>
    <message>
        <source>处室分组（不是单个处室）</source>
        <translation>A group of divisions (not one division)</translation>
    </message>
    <message>
        <source>不是单位（人名或职务），不导入</source>
        <translation>Not a unit (a person or a post): left out</translation>
    </message>
    <message>
        <source>即现有处室“%1”</source>
        <translation>The existing division “%1”</translation>
    </message>
    <message>
        <source>导入方案文档（%1）</source>
        <translation>Import plan document (%1)</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>考评内容及标准</source>
        <translation>Evaluation standard</translation>
    </message>
    <message>
        <source>类型/目标</source>
        <translation>Type/target</translation>
    </message>
    <message>
        <source>牵头</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>负责</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>配合</source>
        <translation>Cooperating</translation>
    </message>
    <message>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>定性</source>
        <translation>Qualitative</translation>
    </message>
    <message>
        <source>定量</source>
        <translation>Quantitative</translation>
    </message>
    <message>
        <source>排名</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <source>计数</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>子任务</source>
        <translation>Sub-task</translation>
    </message>
    <message>
        <source>责任人：</source>
        <translation>Person responsible: </translation>
    </message>
    <message>
        <source>修改“%1”的%2</source>
        <translation>Change %2 of “%1”</translation>
    </message>
</context>
<context>
    <name>PlanOps</name>
    <message>
        <source>新增维度…</source>
        <translation>New Dimension…</translation>
    </message>
    <message>
        <source>新增一级指标…</source>
        <translation>New First-Level Indicator…</translation>
    </message>
    <message>
        <source>新增二级指标…</source>
        <translation>New Second-Level Indicator…</translation>
    </message>
    <message>
        <source>新增子任务…</source>
        <translation>New Sub-task…</translation>
    </message>
    <message>
        <source>属性(&amp;P)…</source>
        <translation>&amp;Properties…</translation>
    </message>
    <message>
        <source>编辑所选行的全部内容</source>
        <translation>Edit everything in the selected row</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move Up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move Down</translation>
    </message>
    <message>
        <source>移动到…</source>
        <translation>Move To…</translation>
    </message>
    <message>
        <source>重新编号</source>
        <translation>Renumber</translation>
    </message>
    <message>
        <source>按顺序重编维度、一级和二级指标的编号</source>
        <translation>Renumber the dimensions, first-level and second-level indicators in their order</translation>
    </message>
    <message>
        <source>新增维度</source>
        <translation>New Dimension</translation>
    </message>
    <message>
        <source>维度名称：</source>
        <translation>Dimension name:</translation>
    </message>
    <message>
        <source>新增维度“%1”</source>
        <translation>Add dimension “%1”</translation>
    </message>
    <message>
        <source>新增一级指标</source>
        <translation>New First-Level Indicator</translation>
    </message>
    <message>
        <source>一级指标名称：</source>
        <translation>First-level indicator name:</translation>
    </message>
    <message>
        <source>新增一级指标“%1”</source>
        <translation>Add first-level indicator “%1”</translation>
    </message>
    <message>
        <source>新增二级指标</source>
        <translation>New Second-Level Indicator</translation>
    </message>
    <message>
        <source>请先新增一个一级指标。</source>
        <translation>Please add a first-level indicator first.</translation>
    </message>
    <message>
        <source>在“%1”下新增二级指标，名称：</source>
        <translation>Name of the new second-level indicator under “%1”:</translation>
    </message>
    <message>
        <source>新增二级指标“%1”</source>
        <translation>Add second-level indicator “%1”</translation>
    </message>
    <message>
        <source>新增子任务“%1”</source>
        <translation>Add sub-task “%1”</translation>
    </message>
    <message>
        <source>维度</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>修改维度名称</source>
        <translation>Rename dimension</translation>
    </message>
    <message>
        <source>编辑子任务“%1”</source>
        <translation>Edit sub-task “%1”</translation>
    </message>
    <message>
        <source>编辑指标“%1”</source>
        <translation>Edit indicator “%1”</translation>
    </message>
    <message numerus="yes">
        <source>其下的 %n 项内容将一并删除。</source>
        <translation>
            <numerusform>The %n item under it will be deleted as well. </numerusform>
            <numerusform>The %n items under it will be deleted as well. </numerusform>
        </translation>
    </message>
    <message>
        <source>删除“%1”？%2可用“撤销”恢复。</source>
        <translation>Delete “%1”? %2You can restore it with Undo.</translation>
    </message>
    <message>
        <source>删除“%1”</source>
        <translation>Delete “%1”</translation>
    </message>
    <message>
        <source>移动到</source>
        <translation>Move To</translation>
    </message>
    <message>
        <source>移动“%1”到：</source>
        <translation>Move “%1” to:</translation>
    </message>
    <message>
        <source>移动“%1”</source>
        <translation>Move “%1”</translation>
    </message>
</context>
<context>
    <name>PlanTree</name>
    <message>
        <source>指标佐证材料</source>
        <translation>Evidence of the indicator</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>第 </source>
        <translation>Page </translation>
    </message>
    <message>
        <source>缩小（Ctrl+-）</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <source>放大（Ctrl++）</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <source>适合宽度</source>
        <translation>Fit Width</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>保存正在编辑的部分，重新生成预览</source>
        <translation>Save the section being edited and build the preview again</translation>
    </message>
    <message>
        <source>正在生成预览……</source>
        <translation>Building the preview…</translation>
    </message>
    <message>
        <source>页，共 %1 页</source>
        <translation>of %1</translation>
    </message>
    <message numerus="yes">
        <source>共 %n 页。</source>
        <translation>
            <numerusform>%n page.</numerusform>
            <numerusform>%n pages.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PublicationDialog</name>
    <message>
        <source>编辑公开记录</source>
        <translation>Edit publication</translation>
    </message>
    <message>
        <source>登记公开发布</source>
        <translation>Record a publication</translation>
    </message>
    <message>
        <source>计入哪一年度的方案（上年年底公开的下年方案计入下年）</source>
        <translation>The plan year it counts for (next year&apos;s plan published at the end of this year counts for next year)</translation>
    </message>
    <message>
        <source>如 本单位门户网站、省级日报</source>
        <translation>e.g. the department&apos;s website, a provincial daily</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>公开日期</source>
        <translation>Published on</translation>
    </message>
    <message>
        <source>计入年度</source>
        <translation>Counts for year</translation>
    </message>
    <message>
        <source>公开渠道</source>
        <translation>Published in</translation>
    </message>
    <message>
        <source>链接</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>关联指标</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>（不关联）</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>PublicationsView</name>
    <message>
        <source>公开日期</source>
        <translation>Published on</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>公开渠道</source>
        <translation>Published in</translation>
    </message>
    <message>
        <source>链接</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>佐证</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>年度实施方案</source>
        <translation>Annual plan</translation>
    </message>
    <message>
        <source>政策措施</source>
        <translation>Policy measures</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>第一季度</source>
        <translation>Q1</translation>
    </message>
    <message>
        <source>第二季度</source>
        <translation>Q2</translation>
    </message>
    <message>
        <source>第三季度</source>
        <translation>Q3</translation>
    </message>
    <message>
        <source>第四季度</source>
        <translation>Q4</translation>
    </message>
    <message>
        <source>登记…</source>
        <translation>Record…</translation>
    </message>
    <message>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>(1) %1 年度实施方案：已于 %2 公开（%3）</source>
        <translation>(1) The %1 plan: published on %2 (%3)</translation>
    </message>
    <message>
        <source>(1) %1 年度实施方案：尚未登记公开</source>
        <translation>(1) The %1 plan: no publication recorded yet</translation>
    </message>
    <message>
        <source>(15) 政策措施公布：</source>
        <translation>(15) Policy measures published: </translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 0 次（缺）</source>
        <translation>%1: none (missing)</translation>
    </message>
    <message>
        <source>%1 —</source>
        <translation>%1: —</translation>
    </message>
    <message>
        <source>%1 %2 次</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>登记公开发布“%1”</source>
        <translation>Record publication “%1”</translation>
    </message>
    <message>
        <source>修改公开记录“%1”</source>
        <translation>Change publication “%1”</translation>
    </message>
    <message>
        <source>删除公开记录“%1”</source>
        <translation>Delete publication “%1”</translation>
    </message>
    <message>
        <source>删除公开记录“%1”？此操作可以撤销。</source>
        <translation>Delete publication “%1”? This can be undone.</translation>
    </message>
</context>
<context>
    <name>RankingsModel</name>
    <message>
        <source>（未登记）</source>
        <translation>(not recorded)</translation>
    </message>
</context>
<context>
    <name>RankingsView</name>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>对标地区</source>
        <translation>Benchmark</translation>
    </message>
    <message>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>参评总数</source>
        <translation>Field size</translation>
    </message>
    <message>
        <source>数据年度</source>
        <translation>Data year</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>佐证</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>如 2025</source>
        <translation>e.g. 2025</translation>
    </message>
    <message>
        <source>如 国家营商环境评价报告</source>
        <translation>e.g. the national business-environment assessment report</translation>
    </message>
    <message>
        <source>保存排名</source>
        <translation>Save ranking</translation>
    </message>
    <message>
        <source>清除排名</source>
        <translation>Clear ranking</translation>
    </message>
    <message>
        <source>数据来源</source>
        <translation>Source of the data</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>按排名评价的指标（如指标 (7)：参考长春市参加全国营商环境评价考核数据排序）</source>
        <translation>Indicators scored by ranking (such as (7): ranked by Changchun&apos;s results in the national business-environment assessment)</translation>
    </message>
    <message>
        <source>本年度方案中没有按排名评价的指标（指标类别为“排名”）。</source>
        <translation>This year&apos;s plan has no indicator scored by ranking (of kind ranking).</translation>
    </message>
    <message>
        <source>当前排名：%1</source>
        <translation>Current ranking: %1</translation>
    </message>
    <message>
        <source>尚未登记排名</source>
        <translation>No ranking recorded yet</translation>
    </message>
    <message>
        <source>保存排名后可添加佐证材料。</source>
        <translation>Save the ranking to add evidence.</translation>
    </message>
    <message>
        <source>登记排名：%1</source>
        <translation>Record ranking: %1</translation>
    </message>
    <message>
        <source>清除排名：%1</source>
        <translation>Clear ranking: %1</translation>
    </message>
</context>
<context>
    <name>RatingDelegate</name>
    <message>
        <source>（未评）</source>
        <translation>(not rated)</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>登记收到工作方案：%1</source>
        <translation>Work plan received: %1</translation>
    </message>
    <message>
        <source>如 法规处2026年营商环境工作方案</source>
        <translation>e.g. the Regulations Division&apos;s 2026 work plan</translation>
    </message>
    <message>
        <source>可选：方案文件，存为佐证材料</source>
        <translation>Optional: the plan&apos;s file, kept as evidence</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>收到日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>选择工作方案文件</source>
        <translation>Choose the work plan&apos;s file</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>确认删除</source>
        <translation>Confirm Deletion</translation>
    </message>
</context>
<context>
    <name>RecordsView</name>
    <message>
        <source>排名</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <source>公开发布</source>
        <translation>Publications</translation>
    </message>
    <message>
        <source>处室工作方案</source>
        <translation>Division work plans</translation>
    </message>
    <message>
        <source>督查</source>
        <translation>Inspection</translation>
    </message>
</context>
<context>
    <name>ReminderDialog</name>
    <message>
        <source>催办：%1</source>
        <translation>Reminder: %1</translation>
    </message>
    <message>
        <source>（不指定处室）</source>
        <translation>(no division)</translation>
    </message>
    <message>
        <source>催办对象，如 张科长</source>
        <translation>Whom, e.g. Section Chief Zhang</translation>
    </message>
    <message>
        <source>催办日期</source>
        <translation>Reminder date</translation>
    </message>
    <message>
        <source>处室</source>
        <translation>Division</translation>
    </message>
    <message>
        <source>催办对象</source>
        <translation>Reminded whom</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>How</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>RemindersList</name>
    <message>
        <source>催办记录</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>导入时已催办 %1 次</source>
        <translation>Chased %1 times before import</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <source>：%1</source>
        <translation>: %1</translation>
    </message>
    <message>
        <source>已于 %1 反馈</source>
        <translation>given on %1</translation>
    </message>
    <message>
        <source>未反馈</source>
        <translation>not given</translation>
    </message>
    <message>
        <source>今日应反馈</source>
        <translation>due today</translation>
    </message>
    <message>
        <source>应反馈 %1：%2</source>
        <translation>Feedback due %1: %2</translation>
    </message>
    <message>
        <source>催办记录（%1 次）</source>
        <translation>Reminders (%1)</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>报告与打印</source>
        <translation>Reports and Printing</translation>
    </message>
    <message>
        <source>恢复按数据起草…</source>
        <translation>Back to the Drafted Text…</translation>
    </message>
    <message>
        <source>放弃本期草稿的全部修改（可撤销）</source>
        <translation>Discard every change to this period&apos;s draft (can be undone)</translation>
    </message>
    <message>
        <source>报告</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>季度</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>处室</source>
        <translation>Division</translation>
    </message>
    <message>
        <source>正文</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>文件要素</source>
        <translation>Document Fields</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>正在读取……</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>本期草稿已保存（%1）</source>
        <translation>This period&apos;s draft is saved (%1)</translation>
    </message>
    <message>
        <source>按数据起草，尚未修改</source>
        <translation>Drafted from the data, not changed yet</translation>
    </message>
    <message>
        <source>正在生成预览……</source>
        <translation>Building the preview…</translation>
    </message>
    <message>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>另存为 Word…</source>
        <translation>Save as Word…</translation>
    </message>
    <message>
        <source>打印预览…</source>
        <translation>Print Preview…</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ReportEdits</name>
    <message>
        <source>修改报告部分“%1”</source>
        <translation>Edit report section “%1”</translation>
    </message>
    <message>
        <source>按数据重新生成报告部分“%1”</source>
        <translation>Regenerate report section “%1” from the data</translation>
    </message>
    <message>
        <source>新的附件</source>
        <translation>New attachment</translation>
    </message>
    <message>
        <source>新的部分</source>
        <translation>New section</translation>
    </message>
    <message>
        <source>添加报告部分“%1”</source>
        <translation>Add report section “%1”</translation>
    </message>
    <message>
        <source>删除报告部分“%1”</source>
        <translation>Remove report section “%1”</translation>
    </message>
    <message>
        <source>恢复报告部分“%1”</source>
        <translation>Restore report section “%1”</translation>
    </message>
    <message>
        <source>移动报告部分“%1”</source>
        <translation>Move report section “%1”</translation>
    </message>
    <message>
        <source>修改报告标题</source>
        <translation>Edit the report&apos;s title</translation>
    </message>
    <message>
        <source>修改报告的文件要素</source>
        <translation>Edit the report&apos;s document fields</translation>
    </message>
    <message>
        <source>恢复按数据起草</source>
        <translation>Back to the Drafted Text</translation>
    </message>
    <message>
        <source>放弃本期草稿的全部修改，按当前数据重新起草？可以用“撤销”找回。</source>
        <translation>Discard every change to this period&apos;s draft and draft it again from the current data? Undo brings the changes back.</translation>
    </message>
    <message>
        <source>放弃报告草稿的修改</source>
        <translation>Discard the changes to the report draft</translation>
    </message>
    <message>
        <source>撤销输入</source>
        <translation>Undo Typing</translation>
    </message>
    <message>
        <source>撤销 %1</source>
        <translation>Undo %1</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做 %1</source>
        <translation>Redo %1</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
</context>
<context>
    <name>ReportOutput</name>
    <message>
        <source>另存为 Word</source>
        <translation>Save as Word</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>正在保存“%1”……</source>
        <translation>Saving “%1”…</translation>
    </message>
    <message>
        <source>已取消，未保存。</source>
        <translation>Cancelled; nothing was saved.</translation>
    </message>
    <message>
        <source>已保存到 %1</source>
        <translation>Saved to %1</translation>
    </message>
    <message>
        <source>无法写入“%1”：%2</source>
        <translation>Cannot write “%1”: %2</translation>
    </message>
    <message>
        <source>无法保存</source>
        <translation>Cannot Save</translation>
    </message>
    <message>
        <source>正在打印……</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>已取消打印。</source>
        <translation>Printing cancelled.</translation>
    </message>
    <message>
        <source>已送往打印机：%1 页。</source>
        <translation>Sent to the printer: %1 pages.</translation>
    </message>
    <message>
        <source>无法打印</source>
        <translation>Cannot Print</translation>
    </message>
    <message>
        <source>正在准备打印预览……</source>
        <translation>Preparing the print preview…</translation>
    </message>
    <message>
        <source>打印预览</source>
        <translation>Print Preview</translation>
    </message>
</context>
<context>
    <name>ReportPeriod</name>
    <message>
        <source> 月</source>
        <translation> (month)</translation>
    </message>
    <message>
        <source>全年</source>
        <translation>Whole year</translation>
    </message>
    <message>
        <source>第一季度</source>
        <translation>Q1</translation>
    </message>
    <message>
        <source>第二季度</source>
        <translation>Q2</translation>
    </message>
    <message>
        <source>第三季度</source>
        <translation>Q3</translation>
    </message>
    <message>
        <source>第四季度</source>
        <translation>Q4</translation>
    </message>
    <message>
        <source>全部处室</source>
        <translation>All divisions</translation>
    </message>
    <message>
        <source>省软环境办</source>
        <translation>the Provincial Office</translation>
    </message>
    <message>
        <source>厅</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>局</source>
        <translation>Bureau</translation>
    </message>
    <message>
        <source>委</source>
        <translation>Commission</translation>
    </message>
    <message>
        <source>办</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>任务分工表</source>
        <translation>Task Assignment Sheet</translation>
    </message>
    <message>
        <source>年度实施方案</source>
        <translation>Annual Implementation Plan</translation>
    </message>
    <message>
        <source>月调度情况</source>
        <translation>Monthly Dispatch Report</translation>
    </message>
    <message>
        <source>季度报告（报%1）</source>
        <translation>Quarterly Report (to %1)</translation>
    </message>
    <message>
        <source>季度汇报（%1主要领导）</source>
        <translation>Quarterly Briefing (%1 Leaders)</translation>
    </message>
    <message>
        <source>自我评价报告</source>
        <translation>Self-evaluation Report</translation>
    </message>
</context>
<context>
    <name>ReturnsPanel</name>
    <message>
        <source>还没有交回调度表的处室</source>
        <translation>Divisions that have not returned their dispatch form yet</translation>
    </message>
    <message>
        <source>已收回调度表的处室（交回日期）</source>
        <translation>Divisions whose dispatch form is collected (date returned)</translation>
    </message>
    <message>
        <source>生成调度表…</source>
        <translation>Make Forms…</translation>
    </message>
    <message>
        <source>为每个处室生成本月的 Excel 调度表</source>
        <translation>Make this month&apos;s Excel dispatch form for each division</translation>
    </message>
    <message>
        <source>收回调度表…</source>
        <translation>Collect Forms…</translation>
    </message>
    <message>
        <source>读入处室交回的调度表，检查后写入</source>
        <translation>Read the forms returned by the divisions, check them and write them</translation>
    </message>
    <message>
        <source>退回修改…</source>
        <translation>Send back…</translation>
    </message>
    <message>
        <source>把所选处室交回的调度表退回修改：说明原因，并重新生成该处室的表</source>
        <translation>Send the selected division&apos;s returned form back for revision: give a reason, and make its form again</translation>
    </message>
    <message>
        <source>交回记录…</source>
        <translation>Returns…</translation>
    </message>
    <message>
        <source>本月各处室交回与退回的记录</source>
        <translation>This month&apos;s returns and send-backs of each division</translation>
    </message>
    <message>
        <source>复制催报名单</source>
        <translation>Copy Reminder List</translation>
    </message>
    <message>
        <source>把未交回的处室名单复制到剪贴板</source>
        <translation>Copy the divisions that have not returned their form to the clipboard</translation>
    </message>
    <message>
        <source>未交回（待催报）</source>
        <translation>Not returned (to remind)</translation>
    </message>
    <message>
        <source>已交回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>，退回 %1 次后重交</source>
        <translation>, returned again after %1 send-back(s)</translation>
    </message>
    <message>
        <source>%1（已退回修改）</source>
        <translation>%1 (sent back)</translation>
    </message>
    <message>
        <source>处室调度表：未选择月份。</source>
        <translation>Division dispatch forms: no month selected.</translation>
    </message>
    <message>
        <source>%1 处室调度表：已交回 %2 个，未交回 %3 个。</source>
        <translation>%1 division dispatch forms: %2 returned, %3 not returned.</translation>
    </message>
    <message>
        <source>退回修改：%1 %2</source>
        <translation>Send back: %1 %2</translation>
    </message>
    <message>
        <source>退回修改</source>
        <translation>Send-back</translation>
    </message>
    <message>
        <source>退回原因（将印在重新生成的调度表上）：</source>
        <translation>Reason (printed on the form made again):</translation>
    </message>
    <message>
        <source>重新生成的调度表保存到</source>
        <translation>Save the form made again to</translation>
    </message>
    <message>
        <source>已重新生成</source>
        <translation>Form made again</translation>
    </message>
    <message>
        <source>已生成：%1</source>
        <translation>Made: %1</translation>
    </message>
    <message>
        <source>交回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>%1 %2 %3：%4</source>
        <translation>%1 %2 %3: %4</translation>
    </message>
    <message>
        <source>%1 交回记录</source>
        <translation>%1 returns</translation>
    </message>
    <message>
        <source>本月还没有交回记录。</source>
        <translation>No returns this month yet.</translation>
    </message>
</context>
<context>
    <name>SectionsPage</name>
    <message>
        <source>按数据起草的标题</source>
        <translation>The title drafted from the data</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>在此后添加正文部分</source>
        <translation>Add a Section After This One</translation>
    </message>
    <message>
        <source>添加附件</source>
        <translation>Add an Attachment</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>从报告中删去本部分（可恢复，可撤销）</source>
        <translation>Take this section out of the report (can be restored or undone)</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>恢复删去的按数据起草的部分</source>
        <translation>Bring back a drafted section that was removed</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>下移（也可以拖动）</source>
        <translation>Down (or drag it)</translation>
    </message>
    <message>
        <source>本部分的标题（不带序号，序号按顺序自动编排）</source>
        <translation>This section&apos;s heading (without its number: sections are numbered in order)</translation>
    </message>
    <message>
        <source>光标所在段落的级别（Ctrl+0 正文，Ctrl+1 至 Ctrl+4 各级标题）</source>
        <translation>The level of the paragraph at the cursor (Ctrl+0 body text, Ctrl+1 to Ctrl+4 heading levels)</translation>
    </message>
    <message>
        <source>本部分的文字：一段一行。以“一、”“（一）”“1.”“（1）”开头的段落是各级标题，可用上面的“段落级别”设置。</source>
        <translation>This section&apos;s text, one paragraph a line. A paragraph that starts with a numbering of the Chinese heading levels is a heading: set its level with “Paragraph level” above.</translation>
    </message>
    <message>
        <source>按数据重新生成本部分</source>
        <translation>Regenerate This Section from the Data</translation>
    </message>
    <message>
        <source>用当前数据重新起草本部分，替换改写的文字（可撤销）</source>
        <translation>Draft this section again from the current data, replacing the edited text (can be undone)</translation>
    </message>
    <message>
        <source>保存本部分</source>
        <translation>Save Section</translation>
    </message>
    <message>
        <source>保存本部分的标题和文字（Ctrl+S）</source>
        <translation>Save this section&apos;s heading and text (Ctrl+S)</translation>
    </message>
    <message>
        <source>段落级别</source>
        <translation>Paragraph level</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>正文</source>
        <translation>Body text</translation>
    </message>
    <message>
        <source>一级标题 一、</source>
        <translation>Level-1 heading</translation>
    </message>
    <message>
        <source>二级标题 （一）</source>
        <translation>Level-2 heading</translation>
    </message>
    <message>
        <source>三级标题 1.</source>
        <translation>Level-3 heading</translation>
    </message>
    <message>
        <source>四级标题 （1）</source>
        <translation>Level-4 heading</translation>
    </message>
    <message>
        <source>附件%1：%2</source>
        <translation>Attachment %1: %2</translation>
    </message>
    <message>
        <source>（无标题）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>（无标题）%1…</source>
        <translation>(untitled) %1…</translation>
    </message>
    <message>
        <source>自行添加</source>
        <translation>added</translation>
    </message>
    <message>
        <source>已改写</source>
        <translation>edited</translation>
    </message>
    <message numerus="yes">
        <source>本部分另有 %n 个表格，按数据生成，见预览。</source>
        <translation>
            <numerusform>This section also has %n table, made from the data: see the preview.</numerusform>
            <numerusform>This section also has %n tables, made from the data: see the preview.</numerusform>
        </translation>
    </message>
    <message>
        <source>附件%1</source>
        <translation>Attachment %1</translation>
    </message>
</context>
<context>
    <name>SelfEvalModel</name>
    <message>
        <source>%1（本年已登记 %2 条）</source>
        <translation>%1 (%2 registered this year)</translation>
    </message>
    <message>
        <source>该指标没有分值，请选择评价等级</source>
        <translation>This indicator has no score; choose a rating</translation>
    </message>
    <message>
        <source>满分 %1</source>
        <translation>Full score %1</translation>
    </message>
    <message>
        <source>双击填写自评说明</source>
        <translation>Double-click to write the self-evaluation notes</translation>
    </message>
</context>
<context>
    <name>SelfEvalView</name>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>考评内容及标准</source>
        <translation>Evaluation standard</translation>
    </message>
    <message>
        <source>评价等级</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>分值</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>自评说明</source>
        <translation>Self-evaluation notes</translation>
    </message>
    <message>
        <source>佐证数</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>优秀</source>
        <translation>Excellent</translation>
    </message>
    <message>
        <source>良好</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>一般</source>
        <translation>Fair</translation>
    </message>
    <message>
        <source>较差</source>
        <translation>Poor</translation>
    </message>
    <message>
        <source>第一季度</source>
        <translation>Q1</translation>
    </message>
    <message>
        <source>第二季度</source>
        <translation>Q2</translation>
    </message>
    <message>
        <source>第三季度</source>
        <translation>Q3</translation>
    </message>
    <message>
        <source>第四季度</source>
        <translation>Q4</translation>
    </message>
    <message>
        <source>全年</source>
        <translation>Whole year</translation>
    </message>
    <message>
        <source>仅显示未自评</source>
        <translation>Only not yet evaluated</translation>
    </message>
    <message>
        <source>编辑自评说明…</source>
        <translation>Edit notes…</translation>
    </message>
    <message>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>期间：</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>%1 年</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>未自评 %1 项（共 %2 项）</source>
        <translation>%1 of %2 not yet evaluated</translation>
    </message>
    <message>
        <source>本年度各期未自评：%1</source>
        <translation>Not yet evaluated this year: %1</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>自评 %1 %2 的%3</source>
        <translation>Self-evaluation %1 %2: %3</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>标题（小标宋）</source>
        <translation>Title (Xiaobiaosong)</translation>
    </message>
    <message>
        <source>正文（仿宋）</source>
        <translation>Body (FangSong)</translation>
    </message>
    <message>
        <source>一级标题（黑体）</source>
        <translation>Heading 1 (SimHei)</translation>
    </message>
    <message>
        <source>二级标题（楷体）</source>
        <translation>Heading 2 (KaiTi)</translation>
    </message>
    <message>
        <source>页码（宋体）</source>
        <translation>Page numbers (SimSun)</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>（可选）存放 simfang.ttf、simhei.ttf 等字体的文件夹</source>
        <translation>(Optional) folder with fonts such as simfang.ttf, simhei.ttf</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>用途</source>
        <translation>Use</translation>
    </message>
    <message>
        <source>字体文件</source>
        <translation>Font file</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>每天自动备份一次</source>
        <translation>Back up automatically once a day</translation>
    </message>
    <message>
        <source>如：××省××厅</source>
        <translation>e.g. Provincial Department of …</translation>
    </message>
    <message>
        <source>处室管理…</source>
        <translation>Divisions…</translation>
    </message>
    <message>
        <source>本单位</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Department name</translation>
    </message>
    <message>
        <source>简称（报告中的自称）</source>
        <translation>Short form (how reports refer to it)</translation>
    </message>
    <message>
        <source>上级办公室（全称）</source>
        <translation>Superior office (full name)</translation>
    </message>
    <message>
        <source>上级办公室（简称）</source>
        <translation>Superior office (short name)</translation>
    </message>
    <message>
        <source>处室</source>
        <translation>Divisions</translation>
    </message>
    <message>
        <source>界面</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>界面语言（重新启动后生效）</source>
        <translation>Interface language (after restart)</translation>
    </message>
    <message>
        <source>报告字体</source>
        <translation>Report fonts</translation>
    </message>
    <message>
        <source>有正式字体（仿宋、黑体、楷体、宋体、方正小标宋）时优先使用；否则使用随程序提供的字体。所有字体都嵌入 PDF。</source>
        <translation>The official fonts (FangSong, SimHei, KaiTi, SimSun, FZXiaoBiaoSong) are used when available; otherwise the fonts shipped with the program. All fonts are embedded in the PDF.</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>保留自动备份份数</source>
        <translation>Automatic backups to keep</translation>
    </message>
    <message>
        <source> 个工作日</source>
        <translation> working days</translation>
    </message>
    <message>
        <source>不自动关闭</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>月-日，如 03-31</source>
        <translation>MM-DD, e.g. 03-31</translation>
    </message>
    <message>
        <source>督办预警与月调度</source>
        <translation>Warnings and the monthly round</translation>
    </message>
    <message>
        <source>黄色预警：到期前</source>
        <translation>Yellow warning: before the date</translation>
    </message>
    <message>
        <source>红色预警：到期前</source>
        <translation>Red warning: before the date</translation>
    </message>
    <message>
        <source>截止后自动关闭月份</source>
        <translation>Close a month after its deadline</translation>
    </message>
    <message>
        <source>处室工作方案报送期限</source>
        <translation>Work-plan deadline</translation>
    </message>
    <message>
        <source>选择字体文件夹</source>
        <translation>Choose Font Folder</translation>
    </message>
    <message>
        <source>正式字体</source>
        <translation>Official font</translation>
    </message>
    <message>
        <source>随程序提供（替代）</source>
        <translation>Shipped with the program (substitute)</translation>
    </message>
    <message>
        <source>修改本单位信息</source>
        <translation>Change the department</translation>
    </message>
    <message>
        <source>修改上级办公室</source>
        <translation>Change the superior office</translation>
    </message>
    <message>
        <source>修改备份设置</source>
        <translation>Change backup settings</translation>
    </message>
    <message>
        <source>修改督办预警与月调度设置</source>
        <translation>Change the warning and monthly-round settings</translation>
    </message>
</context>
<context>
    <name>SnapshotPanel</name>
    <message>
        <source>月调度</source>
        <translation>Monthly dispatch</translation>
    </message>
    <message>
        <source>督办事项</source>
        <translation>Supervised item</translation>
    </message>
    <message>
        <source>自评</source>
        <translation>Self-evaluation</translation>
    </message>
    <message>
        <source>排名</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>进展</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>下步打算</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <source>分子</source>
        <translation>Numerator</translation>
    </message>
    <message>
        <source>分母</source>
        <translation>Denominator</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>办结时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>办结日期</source>
        <translation>Done on</translation>
    </message>
    <message>
        <source>报结日期</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <source>销号日期</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>等次</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>参评总数</source>
        <translation>Field size</translation>
    </message>
    <message>
        <source>对标地区</source>
        <translation>Benchmark</translation>
    </message>
    <message>
        <source>季度：</source>
        <translation>Quarter:</translation>
    </message>
    <message>
        <source>%1年第%2季度</source>
        <translation>%1 Q%2</translation>
    </message>
    <message>
        <source>还没有季度快照：关闭某季度最后一个月的月调度时自动保存。</source>
        <translation>No quarter snapshot yet: one is kept when a quarter&apos;s last month is closed.</translation>
    </message>
    <message>
        <source>与 %1 保存的快照相比：%2 处变化</source>
        <translation>Against the snapshot kept at %1: %2 change(s)</translation>
    </message>
    <message>
        <source>快照后新增</source>
        <translation>added since</translation>
    </message>
    <message>
        <source>快照后删除</source>
        <translation>removed since</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>StatusGridModel</name>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>推进</source>
        <translation>Prog.</translation>
    </message>
    <message>
        <source>滞后</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>未启</source>
        <translation>Pend.</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>N/A</translation>
    </message>
    <message>
        <source>%1月</source>
        <translation>M%1</translation>
    </message>
    <message>
        <source>本月未调度</source>
        <translation>Not dispatched this month</translation>
    </message>
    <message>
        <source>%1 %2，%3：%4</source>
        <translation>%1 %2, %3: %4</translation>
    </message>
</context>
<context>
    <name>SubtaskDialog</name>
    <message>
        <source>编辑子任务</source>
        <translation>Edit Sub-task</translation>
    </message>
    <message>
        <source>新增子任务</source>
        <translation>New Sub-task</translation>
    </message>
    <message>
        <source>所属指标：%1 %2</source>
        <translation>Indicator: %1 %2</translation>
    </message>
    <message>
        <source>（未指定）</source>
        <translation>(not specified)</translation>
    </message>
    <message>
        <source>设定</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>任务内容</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>责任处室</source>
        <translation>Responsible division</translation>
    </message>
    <message>
        <source>责任人</source>
        <translation>Person responsible</translation>
    </message>
    <message>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>SupervisionModel</name>
    <message>
        <source>%1（%2 应反馈）</source>
        <translation>%1 (feedback due %2)</translation>
    </message>
    <message>
        <source>%1 次</source>
        <translation>%1</translation>
    </message>
    <message numerus="yes">
        <source>逾期 %n 天</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>剩 %n 个工作日</source>
        <translation>
            <numerusform>%n working day left</numerusform>
            <numerusform>%n working days left</numerusform>
        </translation>
    </message>
    <message>
        <source>今日到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>SupervisionView</name>
    <message>
        <source>待签收</source>
        <translation>Awaiting sign-off</translation>
    </message>
    <message>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>已报结</source>
        <translation>Closure reported</translation>
    </message>
    <message>
        <source>已销号</source>
        <translation>Struck off</translation>
    </message>
    <message>
        <source>省软环境办交办</source>
        <translation>Assigned by the Provincial Soft-Environment Office</translation>
    </message>
    <message>
        <source>省软环境办督办</source>
        <translation>Supervised by the Provincial Soft-Environment Office</translation>
    </message>
    <message>
        <source>明察暗访</source>
        <translation>Inspection (open or unannounced)</translation>
    </message>
    <message>
        <source>投诉</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>领导批示</source>
        <translation>Leader&apos;s instruction</translation>
    </message>
    <message>
        <source>会议议定</source>
        <translation>Meeting decision</translation>
    </message>
    <message>
        <source>%1交办</source>
        <translation>Assigned by %1</translation>
    </message>
    <message>
        <source>%1督办</source>
        <translation>Supervised by %1</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>短信</source>
        <translation>Text message</translation>
    </message>
    <message>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>当面</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>催办单</source>
        <translation>Reminder notice</translation>
    </message>
    <message>
        <source>公文</source>
        <translation>Official letter</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>红</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>黄</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>交办日期</source>
        <translation>Assigned on</translation>
    </message>
    <message>
        <source>事项内容</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>牵头处室</source>
        <translation>Lead divisions</translation>
    </message>
    <message>
        <source>配合处室</source>
        <translation>Cooperating divisions</translation>
    </message>
    <message>
        <source>办结时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>办理进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>预警</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>催办</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>搜索编号、内容、进度、处室…</source>
        <translation>Search no., item, progress, division…</translation>
    </message>
    <message>
        <source>只看逾期</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>新增…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>推进到下一步…</source>
        <translation>Advance…</translation>
    </message>
    <message>
        <source>退回上一步</source>
        <translation>Step Back</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>催办…</source>
        <translation>Remind…</translation>
    </message>
    <message>
        <source>登记一次催办：日期、对象、方式</source>
        <translation>Record a reminder: when, whom, how</translation>
    </message>
    <message>
        <source>定期反馈…</source>
        <translation>Feedback…</translation>
    </message>
    <message>
        <source>按反馈周期登记一期反馈</source>
        <translation>Record the feedback for one date of the feedback cycle</translation>
    </message>
    <message>
        <source>催办单…</source>
        <translation>Reminder notice…</translation>
    </message>
    <message>
        <source>打印催办单（PDF 或 Word，公文格式）：所选事项，或筛选出的处室牵头的全部未办结事项</source>
        <translation>Print a reminder notice (PDF or Word, official format): the selected item, or every open item the filtered division leads</translation>
    </message>
    <message>
        <source>所选事项的催办单…</source>
        <translation>Notice for the selected item…</translation>
    </message>
    <message>
        <source>所选处室牵头的全部未办结事项…</source>
        <translation>Notice for every open item of the selected division…</translation>
    </message>
    <message>
        <source>状态：</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>处室：</source>
        <translation>Division:</translation>
    </message>
    <message>
        <source>全部处室</source>
        <translation>All divisions</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>共 %1 项：%2；逾期 %3，5 个工作日内到期 %4</source>
        <translation>%1 items: %2; %3 overdue, %4 due within 5 working days</translation>
    </message>
    <message>
        <source>；预警：红 %1，黄 %2</source>
        <translation>; warnings: red %1, yellow %2</translation>
    </message>
    <message>
        <source>（筛选后显示 %1 项）</source>
        <translation> (%1 shown after filtering)</translation>
    </message>
    <message>
        <source>正在读取督办事项……</source>
        <translation>Reading the supervised items…</translation>
    </message>
    <message>
        <source>（正在更新……）</source>
        <translation> (updating…)</translation>
    </message>
    <message>
        <source>新增督办事项“%1”</source>
        <translation>Add supervised item “%1”</translation>
    </message>
    <message>
        <source>修改督办事项“%1”</source>
        <translation>Edit supervised item “%1”</translation>
    </message>
    <message>
        <source>催办督办事项“%1”</source>
        <translation>Remind about item “%1”</translation>
    </message>
    <message>
        <source>督办事项“%1”定期反馈（%2）</source>
        <translation>Item “%1”: feedback (%2)</translation>
    </message>
    <message>
        <source>督办事项“%1”推进到“%2”</source>
        <translation>Advance supervised item “%1” to “%2”</translation>
    </message>
    <message>
        <source>督办事项“%1”退回上一步</source>
        <translation>Step supervised item “%1” back</translation>
    </message>
    <message>
        <source>删除督办事项“%1”</source>
        <translation>Delete supervised item “%1”</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>确认删除</source>
        <translation>Confirm Deletion</translation>
    </message>
    <message>
        <source>删除督办事项“%1”？此操作可以撤销。</source>
        <translation>Delete supervised item “%1”? This can be undone.</translation>
    </message>
    <message>
        <source>正在生成催办单…</source>
        <translation>Making the reminder notice…</translation>
    </message>
    <message>
        <source>打印催办单（%1 项）</source>
        <translation>Reminder notice printed (%1 items)</translation>
    </message>
    <message>
        <source>已生成催办单：%1</source>
        <translation>Reminder notice written: %1</translation>
    </message>
    <message>
        <source>保存催办单</source>
        <translation>Save the reminder notice</translation>
    </message>
    <message>
        <source>催办单（%1）.pdf</source>
        <translation>Reminder notice (%1).pdf</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf);;Word 文档 (*.docx)</source>
        <translation>PDF files (*.pdf);;Word documents (*.docx)</translation>
    </message>
    <message>
        <source>是否同时登记为一次催办（方式：催办单）？</source>
        <translation>Also record it as a reminder (by notice)?</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <source>正在取消……</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>UndoLabels</name>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>（在“%1”中）</source>
        <translation> (in “%1”)</translation>
    </message>
</context>
<context>
    <name>UnitMappingTable</name>
    <message>
        <source>文件中的单位</source>
        <translation>Unit in the file</translation>
    </message>
    <message>
        <source>对应方式</source>
        <translation>Mapping</translation>
    </message>
    <message>
        <source>对应到处室</source>
        <translation>Division</translation>
    </message>
    <message>
        <source>表格行</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>对应到现有处室</source>
        <translation>An existing division</translation>
    </message>
    <message>
        <source>新建处室</source>
        <translation>New division</translation>
    </message>
    <message>
        <source>处室分组</source>
        <translation>Group of divisions</translation>
    </message>
    <message>
        <source>不是单位（不导入）</source>
        <translation>Not a unit (left out)</translation>
    </message>
    <message>
        <source>对应到（名称相近，请确认）</source>
        <translation>A division (similar name, please check)</translation>
    </message>
    <message>
        <source>%1 个现有处室</source>
        <translation>%1 existing</translation>
    </message>
    <message>
        <source>%1 个别名</source>
        <translation>%1 other names</translation>
    </message>
    <message>
        <source>%1 个名称相近待确认</source>
        <translation>%1 similar names to check</translation>
    </message>
    <message>
        <source>%1 个新处室</source>
        <translation>%1 new</translation>
    </message>
    <message>
        <source>%1 个分组</source>
        <translation>%1 groups</translation>
    </message>
    <message>
        <source>%1 个不是单位</source>
        <translation>%1 not units</translation>
    </message>
    <message>
        <source>单位：</source>
        <translation>Units: </translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>WorkPlansModel</name>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>未交</source>
        <translation>Not in</translation>
    </message>
</context>
<context>
    <name>WorkPlansView</name>
    <message>
        <source>处室</source>
        <translation>Division</translation>
    </message>
    <message>
        <source>须报送</source>
        <translation>Owes one</translation>
    </message>
    <message>
        <source>报送期限</source>
        <translation>Due on</translation>
    </message>
    <message>
        <source>收到日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>佐证</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>登记收到…</source>
        <translation>Received…</translation>
    </message>
    <message>
        <source>撤销收到</source>
        <translation>Not received</translation>
    </message>
    <message>
        <source>设为不须报送</source>
        <translation>Does not owe one</translation>
    </message>
    <message>
        <source>设为全部处室的期限</source>
        <translation>Set as every division&apos;s deadline</translation>
    </message>
    <message>
        <source>复制催报名单</source>
        <translation>Copy the chase list</translation>
    </message>
    <message>
        <source>报送期限：</source>
        <translation>Due on:</translation>
    </message>
    <message>
        <source>四（二）各处室立足职能职责，细化指标体系中的工作任务，形成工作方案。</source>
        <translation>Section 4 (2): each division turns its tasks of the indicator system into a work plan.</translation>
    </message>
    <message>
        <source>%1 年度各处室工作方案已全部收到。</source>
        <translation>All divisions&apos; %1 work plans are in.</translation>
    </message>
    <message>
        <source>设为须报送</source>
        <translation>Owes one</translation>
    </message>
    <message>
        <source>收到工作方案：%1</source>
        <translation>Work plan received: %1</translation>
    </message>
    <message>
        <source>撤销收到工作方案：%1</source>
        <translation>Work plan not received after all: %1</translation>
    </message>
    <message>
        <source>%1须报送工作方案</source>
        <translation>%1 owes a work plan</translation>
    </message>
    <message>
        <source>%1不须报送工作方案</source>
        <translation>%1 owes no work plan</translation>
    </message>
    <message>
        <source>工作方案报送期限：%1</source>
        <translation>Work-plan deadline: %1</translation>
    </message>
</context>
<context>
    <name>WorkspaceOps</name>
    <message>
        <source>打开数据库(&amp;O)…</source>
        <translation>&amp;Open Database…</translation>
    </message>
    <message>
        <source>立即备份(&amp;B)</source>
        <translation>&amp;Back Up Now</translation>
    </message>
    <message>
        <source>从备份恢复…</source>
        <translation>Restore from Backup…</translation>
    </message>
    <message>
        <source>检查数据</source>
        <translation>Check Data</translation>
    </message>
    <message>
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>处室管理(&amp;D)…</source>
        <translation>Manage &amp;Divisions…</translation>
    </message>
    <message>
        <source>联络员登记(&amp;L)…</source>
        <translation>&amp;Liaison Register…</translation>
    </message>
    <message>
        <source>报告与打印(&amp;P)…</source>
        <translation>Reports and &amp;Printing…</translation>
    </message>
    <message>
        <source>工作日历(&amp;C)…</source>
        <translation>Working &amp;Calendar…</translation>
    </message>
    <message>
        <source>修改记录(&amp;R)…</source>
        <translation>Change &amp;Log…</translation>
    </message>
    <message>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>打开数据库</source>
        <translation>Open Database</translation>
    </message>
    <message>
        <source>工作台数据库 (*.sqlite3 *.db);;所有文件 (*)</source>
        <translation>Workbench databases (*.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
        <source>无法打开数据库</source>
        <translation>Cannot Open the Database</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>&lt;h3&gt;营商环境考核评价工作台&lt;/h3&gt;&lt;p&gt;版本 %1&lt;/p&gt;&lt;p&gt;供营商环境建设联络员离线使用：维护指标体系、分配责任处室、记录月调度、导出报告。&lt;/p&gt;&lt;p&gt;数据库：%2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Business Environment Assessment Workbench&lt;/h3&gt;&lt;p&gt;Version %1&lt;/p&gt;&lt;p&gt;For the business-environment liaison, offline: maintain the indicator system, assign responsible divisions, record the monthly dispatch and export reports.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>YearOps</name>
    <message>
        <source>从本年度创建新年度…</source>
        <translation>New Year from This Year…</translation>
    </message>
    <message>
        <source>用内置方案创建年度…</source>
        <translation>New Year from the Built-in Plan…</translation>
    </message>
    <message>
        <source>删除本年度…</source>
        <translation>Delete This Year…</translation>
    </message>
    <message>
        <source>创建新年度</source>
        <translation>New Year</translation>
    </message>
    <message>
        <source>从 %1 年度复制指标、责任处室和子任务（不含日期），新年度：</source>
        <translation>Copy the indicators, responsible divisions and sub-tasks (without dates) of year %1 to the new year:</translation>
    </message>
    <message>
        <source>从 %1 年度创建 %2 年度</source>
        <translation>Create year %2 from year %1</translation>
    </message>
    <message>
        <source>用内置方案创建年度</source>
        <translation>New Year from the Built-in Plan</translation>
    </message>
    <message>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>创建 %1 年度（内置方案）</source>
        <translation>Create year %1 (built-in plan)</translation>
    </message>
    <message>
        <source>删除年度</source>
        <translation>Delete Year</translation>
    </message>
    <message>
        <source>删除 %1 年度的全部指标、责任处室和子任务？可用“撤销”恢复。</source>
        <translation>Delete all indicators, responsible divisions and sub-tasks of year %1? You can restore them with Undo.</translation>
    </message>
    <message>
        <source>删除 %1 年度</source>
        <translation>Delete year %1</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>另一个窗口正在使用此数据库：此窗口以只读方式打开，可以查看、导出和打印，不能修改。</source>
        <translation>Another window is using this database: this window is open read-only; you can view, export and print, but not change anything.</translation>
    </message>
</context>
</TS>
