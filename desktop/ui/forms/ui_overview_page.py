# generated — do not edit: compiled from forms/overview_page.ui by build_scripts/compile_forms.py
# source-sha256: 7b50e9bf3e2a098f822bc56a8b8265d7d918960c69e49e264b8f2c32f5a61a90
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'overview_page.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.nav_splitter import NavSplitter

class Ui_OverviewPage(object):
    def setupUi(self, OverviewPage):
        if not OverviewPage.objectName():
            OverviewPage.setObjectName(u"OverviewPage")
        OverviewPage.resize(900, 620)
        self.mainLayout = QVBoxLayout(OverviewPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.lblTitle = QLabel(OverviewPage)
        self.lblTitle.setObjectName(u"lblTitle")
        self.lblTitle.setWordWrap(True)

        self.mainLayout.addWidget(self.lblTitle)

        self.lblDeadline = QLabel(OverviewPage)
        self.lblDeadline.setObjectName(u"lblDeadline")
        self.lblDeadline.setWordWrap(True)

        self.mainLayout.addWidget(self.lblDeadline)

        self.cardsLayout = QHBoxLayout()
        self.cardsLayout.setObjectName(u"cardsLayout")
        self.cardExpected = QFrame(OverviewPage)
        self.cardExpected.setObjectName(u"cardExpected")
        self.cardExpected.setFrameShape(QFrame.Shape.StyledPanel)
        self.cardExpectedLayout = QVBoxLayout(self.cardExpected)
        self.cardExpectedLayout.setObjectName(u"cardExpectedLayout")
        self.valExpected = QLabel(self.cardExpected)
        self.valExpected.setObjectName(u"valExpected")

        self.cardExpectedLayout.addWidget(self.valExpected)

        self.capExpected = QLabel(self.cardExpected)
        self.capExpected.setObjectName(u"capExpected")

        self.cardExpectedLayout.addWidget(self.capExpected)


        self.cardsLayout.addWidget(self.cardExpected)

        self.cardReceived = QFrame(OverviewPage)
        self.cardReceived.setObjectName(u"cardReceived")
        self.cardReceived.setFrameShape(QFrame.Shape.StyledPanel)
        self.cardReceivedLayout = QVBoxLayout(self.cardReceived)
        self.cardReceivedLayout.setObjectName(u"cardReceivedLayout")
        self.valReceived = QLabel(self.cardReceived)
        self.valReceived.setObjectName(u"valReceived")

        self.cardReceivedLayout.addWidget(self.valReceived)

        self.capReceived = QLabel(self.cardReceived)
        self.capReceived.setObjectName(u"capReceived")

        self.cardReceivedLayout.addWidget(self.capReceived)


        self.cardsLayout.addWidget(self.cardReceived)

        self.cardOnTime = QFrame(OverviewPage)
        self.cardOnTime.setObjectName(u"cardOnTime")
        self.cardOnTime.setFrameShape(QFrame.Shape.StyledPanel)
        self.cardOnTimeLayout = QVBoxLayout(self.cardOnTime)
        self.cardOnTimeLayout.setObjectName(u"cardOnTimeLayout")
        self.valOnTime = QLabel(self.cardOnTime)
        self.valOnTime.setObjectName(u"valOnTime")

        self.cardOnTimeLayout.addWidget(self.valOnTime)

        self.capOnTime = QLabel(self.cardOnTime)
        self.capOnTime.setObjectName(u"capOnTime")

        self.cardOnTimeLayout.addWidget(self.capOnTime)


        self.cardsLayout.addWidget(self.cardOnTime)

        self.cardLate = QFrame(OverviewPage)
        self.cardLate.setObjectName(u"cardLate")
        self.cardLate.setFrameShape(QFrame.Shape.StyledPanel)
        self.cardLateLayout = QVBoxLayout(self.cardLate)
        self.cardLateLayout.setObjectName(u"cardLateLayout")
        self.valLate = QLabel(self.cardLate)
        self.valLate.setObjectName(u"valLate")

        self.cardLateLayout.addWidget(self.valLate)

        self.capLate = QLabel(self.cardLate)
        self.capLate.setObjectName(u"capLate")

        self.cardLateLayout.addWidget(self.capLate)


        self.cardsLayout.addWidget(self.cardLate)

        self.cardMissing = QFrame(OverviewPage)
        self.cardMissing.setObjectName(u"cardMissing")
        self.cardMissing.setFrameShape(QFrame.Shape.StyledPanel)
        self.cardMissingLayout = QVBoxLayout(self.cardMissing)
        self.cardMissingLayout.setObjectName(u"cardMissingLayout")
        self.valMissing = QLabel(self.cardMissing)
        self.valMissing.setObjectName(u"valMissing")

        self.cardMissingLayout.addWidget(self.valMissing)

        self.capMissing = QLabel(self.cardMissing)
        self.capMissing.setObjectName(u"capMissing")

        self.cardMissingLayout.addWidget(self.capMissing)


        self.cardsLayout.addWidget(self.cardMissing)


        self.mainLayout.addLayout(self.cardsLayout)

        self.lblResults = QLabel(OverviewPage)
        self.lblResults.setObjectName(u"lblResults")
        self.lblResults.setWordWrap(True)

        self.mainLayout.addWidget(self.lblResults)

        self.overviewSplitter = NavSplitter(OverviewPage)
        self.overviewSplitter.setObjectName(u"overviewSplitter")
        self.overviewSplitter.setChildrenCollapsible(False)
        self.chartGroup = QGroupBox(self.overviewSplitter)
        self.chartGroup.setObjectName(u"chartGroup")
        self.chartLayout = QVBoxLayout(self.chartGroup)
        self.chartLayout.setObjectName(u"chartLayout")
        self.overviewSplitter.addWidget(self.chartGroup)
        self.missingGroup = QGroupBox(self.overviewSplitter)
        self.missingGroup.setObjectName(u"missingGroup")
        self.missingLayout = QVBoxLayout(self.missingGroup)
        self.missingLayout.setObjectName(u"missingLayout")
        self.missingList = QListWidget(self.missingGroup)
        self.missingList.setObjectName(u"missingList")
        self.missingList.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

        self.missingLayout.addWidget(self.missingList)

        self.btnCopyMissing = QPushButton(self.missingGroup)
        self.btnCopyMissing.setObjectName(u"btnCopyMissing")

        self.missingLayout.addWidget(self.btnCopyMissing)

        self.overviewSplitter.addWidget(self.missingGroup)

        self.mainLayout.addWidget(self.overviewSplitter)

        self.mainLayout.setStretch(4, 1)
        QWidget.setTabOrder(self.missingList, self.btnCopyMissing)

        self.retranslateUi(OverviewPage)
    # setupUi

    def retranslateUi(self, OverviewPage):
        self.lblTitle.setText(QCoreApplication.translate("OverviewPage", u"K\u1ef3 b\u00e1o c\u00e1o", None))
        self.lblDeadline.setText("")
        self.valExpected.setText(QCoreApplication.translate("OverviewPage", u"\u2014", None))
        self.capExpected.setText(QCoreApplication.translate("OverviewPage", u"Ph\u1ea3i n\u1ed9p", None))
        self.valReceived.setText(QCoreApplication.translate("OverviewPage", u"\u2014", None))
        self.capReceived.setText(QCoreApplication.translate("OverviewPage", u"\u0110\u00e3 nh\u1eadn", None))
        self.valOnTime.setText(QCoreApplication.translate("OverviewPage", u"\u2014", None))
        self.capOnTime.setText(QCoreApplication.translate("OverviewPage", u"\u0110\u00fang h\u1ea1n", None))
        self.valLate.setText(QCoreApplication.translate("OverviewPage", u"\u2014", None))
        self.capLate.setText(QCoreApplication.translate("OverviewPage", u"Tr\u1ec5 h\u1ea1n", None))
        self.valMissing.setText(QCoreApplication.translate("OverviewPage", u"\u2014", None))
        self.capMissing.setText(QCoreApplication.translate("OverviewPage", u"Ch\u01b0a n\u1ed9p", None))
        self.lblResults.setText("")
        self.chartGroup.setTitle(QCoreApplication.translate("OverviewPage", u"T\u1ef7 l\u1ec7 \u0111\u1ea1t theo ti\u00eau ch\u00ed (tr\u00ean s\u1ed1 \u0111\u01a1n v\u1ecb \u0111\u00e3 n\u1ed9p)", None))
        self.missingGroup.setTitle(QCoreApplication.translate("OverviewPage", u"\u0110\u01a1n v\u1ecb ch\u01b0a n\u1ed9p \u2014 c\u1ea7n \u0111\u00f4n \u0111\u1ed1c", None))
#if QT_CONFIG(accessibility)
        self.missingList.setAccessibleName(QCoreApplication.translate("OverviewPage", u"\u0110\u01a1n v\u1ecb ch\u01b0a n\u1ed9p", None))
#endif // QT_CONFIG(accessibility)
        self.btnCopyMissing.setText(QCoreApplication.translate("OverviewPage", u"Sao &ch\u00e9p danh s\u00e1ch", None))
        pass
    # retranslateUi

