"""bizenv-desktop: 营商环境考核评价工作台 (business-environment assessment workbench)."""

__version__ = "0.1.0"
APP_NAME = "bizenv-desktop"
