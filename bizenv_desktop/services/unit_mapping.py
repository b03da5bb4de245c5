"""Units named by an imported file, mapped to the department's divisions before anything is written.

Every unit a file names gets one mapping (KINDS):

    existing   the name of a division (or of a group) in the database
    alias      another name of a division: remembered from an earlier file (unit_alias), the
               old name of a merged division, or a suggested near match (政策法规处 ~ 法规处,
               省科技厅 ~ 科技厅) which the liaison confirms (suggested=True until then)
    new        a unit the database does not know: made a division when the import is applied
    group      a name for several units (各县（市、区）人民政府, 各相关处室, 有关部门 …): a group
    not_unit   no unit at all: a person's name, 分管领导, 待定 … (left out of the import)

map_units(db, names) proposes; the face shows the list and lets the liaison change any line
(UnitMap.choose); resolve(w, unit_map) then makes the new divisions and groups and
remembers the choices in unit_alias (an alias, or a name that is no unit), so the next file
is mapped the same way without asking. No Qt. Reads take a Database, resolve the Writer of
the import's Workspace.apply (same transaction: undone with it).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..core import messages
from ..core.errors import InvalidInput
from ..core.inline_units import is_group, looks_like_unit
from ..storage.changes import Writer
from ..storage.database import Database
from .department import get_department

KINDS = ("existing", "alias", "new", "group", "not_unit")

messages.register({
    "units.existing": ("“{name}”：现有处室", "“{name}”: an existing division"),
    "units.alias": ("“{name}”：即“{division}”", "“{name}”: another name of “{division}”"),
    "units.suggested": ("“{name}”：可能是“{division}”（名称相近，请确认）",
                        "“{name}”: probably “{division}” (a similar name; please confirm)"),
    "units.new": ("“{name}”：新处室（导入时新建）", "“{name}”: a new division (made by the import)"),
    "units.group": ("“{name}”：处室分组（不是单个处室）", "“{name}”: a group of divisions, not one division"),
    "units.not_unit": ("“{name}”：不是单位（人名或职务），不导入", "“{name}”: not a unit (a person or a post); left out"),
    "units.bad_kind": ("“{name}”的对应方式“{kind}”无效，应为：{kinds}。",
                       "“{kind}” is not a valid mapping for “{name}”; use one of: {kinds}."),
    "units.no_division": ("“{name}”要对应的处室“{division}”不存在。请从现有处室中选择，或改为新建。",
                          "The division “{division}” that “{name}” should map to does not exist. Choose an "
                          "existing division, or make it new."),
    "units.unknown_name": ("文件中没有单位“{name}”。", "The file names no unit “{name}”."),
})

# people and posts, never units
_POSTS = re.compile(r"(?:领导|厅长|局长|处长|部长|主任|书记|同志|秘书长|巡视员|调研员|科长|股长|委员|主席|副职|正职|负责人|联系人|经办人)$")
_NOT_UNIT_WORDS = frozenset(("无", "待定", "暂无", "/", "-", "—", "略", "见附件", "同上", "全体", "个人"))
_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜"
             "崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊"
             "葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆"
             "蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿"
             "桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝封谈匡鞠惠荆乐冀郁胥南班储栗燕楚鄢"
             "劳谌奚皮粟冼蔺楼满闻位厉伊仝郜阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿狄计索宣晋相初门云容敬来扈晁芮都"
             "阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀"
             "衣信展阴昝智幸奉植衡富尧闭由")
_PERSON = re.compile(rf"^[{_SURNAMES}](?:[\u4e00-\u9fff]\s?){{1,2}}$|^(?:欧阳|司马|上官|诸葛|东方|皇甫|令狐|慕容|尉迟|长孙|宇文)"
                     r"[\u4e00-\u9fff]{1,2}$")
# what a name may carry before the unit itself, stripped when comparing (吉林省科技厅 ~ 科技厅):
# a region (the department's own, from its name, or any 省/自治区, …市/…县), then 省/市/县 alone,
# then the department's own 本厅/厅/机关 …; nothing of one province in code
_REGION_PART = re.compile(r"[^省市县区州旗盟局厅委办部院处室\s]{2,7}?(?:特别行政区|自治区|自治州|自治县|省|市|州|盟|地区|县|区|旗)")
_ANY_REGION = re.compile(r"^(?:[\u4e00-\u9fff]{2,7}?(?:特别行政区|自治区|自治州|自治县|省)|[\u4e00-\u9fff]{2,4}?(?:市|县)(?!场))")
_LEVEL = re.compile(r"^(?:省|市|县)(?!场)")
_OWN = ("本厅", "厅机关", "厅", "机关", "本局", "局机关", "局", "本委", "委机关", "本单位")


@dataclass
class UnitMatch:
    """How one unit name of the file is mapped."""
    name: str                              # as the file writes it
    kind: str                              # one of KINDS
    division: str = ""                     # the division it maps to (existing, alias; group when it exists)
    division_id: int | None = None
    suggested: bool = False                # an alias proposed from a similar name, not yet confirmed
    remembered: bool = False               # the alias (or not_unit) comes from unit_alias
    retired: bool = False                  # the division it maps to is retired (still used, with a warning)
    rows: list[int] = field(default_factory=list)  # where the file names it (row or line numbers)

    @property
    def message_id(self) -> str:
        return "units.suggested" if self.suggested else f"units.{self.kind}"

    def describe(self, lang: str | None = None) -> str:
        return messages.render(self.message_id, {"name": self.name, "division": self.division}, lang)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "mapping": self.kind,
                               "division": self.division or None, "rows": self.rows}
        if self.suggested:
            out["suggested"] = True
        return out


@dataclass
class UnitMap:
    """The mapping of every unit of one file, in the order the file names them."""
    units: dict[str, UnitMatch] = field(default_factory=dict)
    divisions: dict[str, tuple[int, str, str | None]] = field(default_factory=dict)  # name -> (id, kind, retired_on)

    def __iter__(self) -> Any:
        return iter(self.units.values())

    def __len__(self) -> int:
        return len(self.units)

    def __getitem__(self, name: str) -> UnitMatch:
        return self.units[name]

    def __contains__(self, name: object) -> bool:
        return name in self.units

    def of_kind(self, kind: str) -> list[UnitMatch]:
        return [u for u in self.units.values() if u.kind == kind]

    def to_json(self) -> list[dict[str, Any]]:
        return [u.to_json() for u in self.units.values()]

    def target(self, name: str) -> str | None:
        """The name the import writes for a unit of the file (None: left out)."""
        unit = self.units.get(name)
        if unit is None or unit.kind == "not_unit":
            return None if unit is not None else name
        return unit.division or unit.name

    def choose(self, name: str, kind: str, division: str = "") -> UnitMatch:
        """The liaison's choice for one unit: existing/alias with the division's name, or new,
        group, not_unit. Raises InvalidInput for an unknown kind, name or division."""
        if name not in self.units:
            raise InvalidInput("units.unknown_name", name=name)
        if kind not in KINDS:
            raise InvalidInput("units.bad_kind", name=name, kind=kind, kinds=list(KINDS))
        unit = self.units[name]
        unit.suggested = unit.remembered = unit.retired = False
        unit.kind, unit.division, unit.division_id = kind, "", None
        if kind in ("existing", "alias"):
            target = division or name
            if target not in self.divisions:
                raise InvalidInput("units.no_division", name=name, division=target)
            unit.kind = "existing" if target == name else "alias"
            unit.division_id, _kind, retired = self.divisions[target]
            unit.division, unit.retired = target, retired is not None
        elif kind == "group" and name in self.divisions:
            unit.division_id = self.divisions[name][0]
            unit.division = name
        return unit


def clean_unit(name: str) -> str:
    """A unit name as compared: one line, no spaces inside, NFKC brackets kept as written."""
    return re.sub(r"\s+", "", name or "")


def is_person_or_post(name: str) -> bool:
    """True for people's names (王明, 欧阳晓) and posts (分管领导, 副厅长), which are never units."""
    t = clean_unit(name)
    if not t or t in _NOT_UNIT_WORDS:
        return True
    if looks_like_unit(t) and not _POSTS.search(t):
        return False
    if _POSTS.search(t):
        return True
    return bool(_PERSON.match(t)) and not is_group(t)


def region_prefixes(department: str) -> tuple[str, ...]:
    """The regions that begin the department's name, whole and each alone, longest first:
    吉林省长春市市场监督管理局 → (吉林省长春市, 吉林省, 长春市); 吉林省科学技术厅 → (吉林省,)."""
    parts: list[str] = []
    pos = 0
    name = unicodedata.normalize("NFKC", department.strip())
    while (m := _REGION_PART.match(name, pos)) is not None:
        parts.append(m.group())
        pos = m.end()
    whole = ["".join(parts)] if len(parts) > 1 else []
    return tuple(sorted(dict.fromkeys(whole + parts), key=len, reverse=True))


def _strip(t: str, prefix: str) -> str:
    return t[len(prefix):] if prefix and t.startswith(prefix) and len(t) - len(prefix) >= 2 else t


def _core(name: str, own_regions: tuple[str, ...] = ()) -> str:
    t = unicodedata.normalize("NFKC", name)
    for region in own_regions:
        if (shorter := _strip(t, region)) != t:
            t = shorter
            break
    for _ in range(3):  # 吉林省长春市法规处: one region after the other
        m = _ANY_REGION.match(t)
        if m is None or (shorter := _strip(t, m.group())) == t:
            break
        t = shorter
    m = _LEVEL.match(t)
    t = _strip(t, m.group()) if m else t
    for prefix in _OWN:
        if (shorter := _strip(t, prefix)) != t:
            t = shorter
            break
    return t.replace("委员会", "委")


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _near_score(name: str, division: str, own_regions: tuple[str, ...] = ()) -> float:
    """How alike a file's unit name and a division's name are, 0 when not a candidate:
    one inside the other (政策法规处 ~ 法规处, 省科技厅 ~ 科技厅), or an abbreviation
    (科技厅 ~ 科学技术厅), always with the same last character (处 ~ 处, 厅 ~ 厅).
    own_regions: the regions of the department's name (region_prefixes)."""
    a, b = _core(name, own_regions), _core(division, own_regions)
    if not a or not b or a == b:
        return 1.0 if a == b and a else 0.0
    if a[-1] != b[-1]:
        return 0.0
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 2:
        return 0.0
    if short in long:
        return 0.6 + 0.4 * len(short) / len(long)
    if len(short) >= 3 and short[0] == long[0] and _subsequence(short, long):
        return 0.4 + 0.4 * len(short) / len(long)
    return 0.0


def _divisions(db: Database) -> tuple[dict[str, tuple[int, str, str | None]], dict[int, str], dict[int, int]]:
    rows = db.query("SELECT id, name, kind, retired_on, merged_into FROM division ORDER BY position, id")
    by_name = {r["name"]: (r["id"], r["kind"], r["retired_on"]) for r in rows}
    names = {r["id"]: r["name"] for r in rows}
    merged = {r["id"]: r["merged_into"] for r in rows if r["merged_into"] is not None}
    return by_name, names, merged


def _surviving(division_id: int, merged: dict[int, int]) -> int:
    seen = set()
    while division_id in merged and division_id not in seen:
        seen.add(division_id)
        division_id = merged[division_id]
    return division_id


def map_units(db: Database, names: Iterable[str] | Mapping[str, Iterable[int]],
              groups: Iterable[str] = ()) -> UnitMap:
    """The proposed mapping of every unit name (in order; repeats once), with the rows where the
    file names each when names is {name: rows}. groups: names the reader already knows stand
    for several units. Nothing is written."""
    by_name, id_names, merged = _divisions(db)
    aliases = {r["name"]: r["division_id"] for r in db.query("SELECT name, division_id FROM unit_alias")}
    candidates = [n for n, (_i, kind, retired) in by_name.items() if kind != "group" and retired is None]
    group_set = {clean_unit(g) for g in groups}
    own_regions = region_prefixes(get_department(db).name)
    out = UnitMap(divisions=by_name)
    rows_of: Mapping[str, Iterable[int]] = names if isinstance(names, Mapping) else {}
    for raw in names:
        name = clean_unit(raw)
        if not name:
            continue
        rows = sorted(set(rows_of.get(raw, ())))
        if name in out.units:
            out.units[name].rows = sorted(set(out.units[name].rows) | set(rows))
            continue
        out.units[name] = _propose(name, by_name, id_names, merged, aliases, candidates, name in group_set,
                                   own_regions)
        out.units[name].rows = rows
    return out


def _propose(name: str, by_name: dict[str, tuple[int, str, str | None]], id_names: dict[int, str],
             merged: dict[int, int], aliases: dict[str, int | None], candidates: list[str],
             known_group: bool, own_regions: tuple[str, ...] = ()) -> UnitMatch:
    if name in by_name:
        division_id, kind, retired = by_name[name]
        if division_id in merged:  # a merged division's old name: the surviving one
            survivor = _surviving(division_id, merged)
            return UnitMatch(name, "alias", id_names[survivor], survivor,
                             retired=by_name[id_names[survivor]][2] is not None)
        if kind == "group":
            return UnitMatch(name, "group", name, division_id)
        return UnitMatch(name, "existing", name, division_id, retired=retired is not None)
    if name in aliases:
        target_id = aliases[name]
        if target_id is None:
            return UnitMatch(name, "not_unit", remembered=True)
        target_id = _surviving(target_id, merged)
        target = id_names.get(target_id, "")
        if target:
            return UnitMatch(name, "alias", target, target_id, remembered=True,
                             retired=by_name[target][2] is not None)
    if known_group or is_group(name):
        return UnitMatch(name, "group")
    if is_person_or_post(name):
        return UnitMatch(name, "not_unit")
    scored = sorted(((s, c) for c in candidates if (s := _near_score(name, c, own_regions)) > 0), reverse=True)
    if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
        target = scored[0][1]
        return UnitMatch(name, "alias", target, by_name[target][0], suggested=True)
    return UnitMatch(name, "new")


def resolve(w: Writer, unit_map: UnitMap) -> dict[str, int | None]:
    """Make the new divisions and groups, remember aliases and names that are no unit, and give
    {name in the file: division id, None when left out}. Runs in the import's transaction."""
    from .divisions import add_division

    now = datetime.now().isoformat(timespec="seconds")
    ids: dict[str, int | None] = {}
    for unit in unit_map:
        if unit.kind == "not_unit":
            ids[unit.name] = None
            _remember(w, unit.name, None, now)
            continue
        if unit.division_id is not None:
            ids[unit.name] = unit.division_id
            if unit.kind == "alias" and unit.name != unit.division and not unit.remembered:
                _remember(w, unit.name, unit.division_id, now)
            continue
        existing = w.db.scalar("SELECT id FROM division WHERE name = ?", (unit.name,))
        ids[unit.name] = existing if existing is not None else add_division(
            w, unit.name, "group" if unit.kind == "group" else "division")
    return ids


def _remember(w: Writer, name: str, division_id: int | None, now: str) -> None:
    if w.db.scalar("SELECT id FROM division WHERE name = ?", (name,)) is not None:
        return  # a division of that name exists: the name needs no alias
    row = w.db.execute("SELECT id, division_id FROM unit_alias WHERE name = ?", (name,)).fetchone()
    if row is None:
        w.insert("unit_alias", {"name": name, "division_id": division_id, "created_at": now})
    elif row["division_id"] != division_id:
        w.update("unit_alias", row["id"], {"division_id": division_id})


def forget_alias(w: Writer, name: str) -> None:
    """Forget a remembered name (the next file asks again)."""
    row_id = w.db.scalar("SELECT id FROM unit_alias WHERE name = ?", (name,))
    if row_id is not None:
        w.delete("unit_alias", row_id)


def list_aliases(db: Database) -> list[tuple[str, str | None]]:
    """(name, division it stands for or None for 'not a unit') of every remembered name."""
    return [(r[0], r[1]) for r in db.query(
        "SELECT a.name, d.name FROM unit_alias a LEFT JOIN division d ON d.id = a.division_id ORDER BY a.name")]
