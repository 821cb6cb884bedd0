# generated — do not edit: compiled from forms/check_page.ui by build_scripts/compile_forms.py
# source-sha256: 171d29c73f40e8544b6868e69d28354a23aa0fba3ec32bc8fff8a0e04134146f
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'check_page.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSizePolicy,
    QSpacerItem,
    QTableView,
    QVBoxLayout,
)

class Ui_CheckPage(object):
    def setupUi(self, CheckPage):
        if not CheckPage.objectName():
            CheckPage.setObjectName(u"CheckPage")
        CheckPage.resize(1200, 560)
        self.mainLayout = QVBoxLayout(CheckPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.topLayout = QHBoxLayout()
        self.topLayout.setObjectName(u"topLayout")
        self.titleLabel = QLabel(CheckPage)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setTextFormat(Qt.TextFormat.RichText)
        self.titleLabel.setWordWrap(True)

        self.topLayout.addWidget(self.titleLabel)

        self.topSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.topLayout.addItem(self.topSpacer)

        self.busyLabel = QLabel(CheckPage)
        self.busyLabel.setObjectName(u"busyLabel")

        self.topLayout.addWidget(self.busyLabel)

        self.busyBar = QProgressBar(CheckPage)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximumSize(QSize(120, 16777215))
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.topLayout.addWidget(self.busyBar)

        self.searchEdit = QLineEdit(CheckPage)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setMinimumSize(QSize(310, 0))
        self.searchEdit.setClearButtonEnabled(True)

        self.topLayout.addWidget(self.searchEdit)

        self.topLayout.setStretch(0, 1)

        self.mainLayout.addLayout(self.topLayout)

        self.summaryLabel = QLabel(CheckPage)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryLabel)

        self.legendLabel = QLabel(CheckPage)
        self.legendLabel.setObjectName(u"legendLabel")
        self.legendLabel.setTextFormat(Qt.TextFormat.RichText)
        self.legendLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.legendLabel)

        self.bannerLabel = QLabel(CheckPage)
        self.bannerLabel.setObjectName(u"bannerLabel")
        self.bannerLabel.setVisible(False)
        self.bannerLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.bannerLabel)

        self.table = QTableView(CheckPage)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.table)

        self.detailLabel = QLabel(CheckPage)
        self.detailLabel.setObjectName(u"detailLabel")
        self.detailLabel.setTextFormat(Qt.TextFormat.RichText)
        self.detailLabel.setWordWrap(True)
        self.detailLabel.setMinimumSize(QSize(0, 48))
        self.detailLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)
        self.detailLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.detailLabel)


        self.retranslateUi(CheckPage)
    # setupUi

    def retranslateUi(self, CheckPage):
        CheckPage.setWindowTitle(QCoreApplication.translate("CheckPage", u"Ki\u1ec3m tra", None))
        self.titleLabel.setText(QCoreApplication.translate("CheckPage", u"Ki\u1ec3m tra, \u0111\u00e1nh gi\u00e1 v\u00e0 x\u1ebfp h\u1ea1ng", None))
        self.busyLabel.setText(QCoreApplication.translate("CheckPage", u"\u0110ang t\u00ednh\u2026", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("CheckPage", u"T\u00ecm \u0111\u01a1n v\u1ecb (t\u00ean ho\u1eb7c m\u00e3)\u2026  Ctrl+F", None))
    # retranslateUi

